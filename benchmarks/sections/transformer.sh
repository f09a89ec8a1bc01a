# Sourced by benchmarks/run.sh: appends "RESULT <key> <value>" lines to $results. See run.sh for the variables.
# Two workloads: the CLI over the unpacked benchmarks jar (almost no @Async code: what a module without it
# pays), and over a generated corpus of classes with many @Async methods (throughput, output size, rebuilds).
tjar="$(module_jar transformer lasti-transformer)"
rjar="$(module_jar runtime lasti-runtime)"
now_ms() { echo $(( $(date +%s%N) / 1000000 )); }
# Sum of the sizes of the .class files under a folder, in bytes.
class_bytes() { find "$1" -name '*.class' -printf '%s\n' | awk '{ s += $1 } END { print s + 0 }'; }
# The tool's own timing from its summary line ("lasti: transformed ... in N ms"), without JVM start-up.
tool_ms() { sed -nE 's/^lasti: .* in ([0-9]+) ms$/\1/p'; }

echo "== transformer over the $(basename "$jar") classes (no @Async code but 3 classes), $launches launches"
for ((l = 1; l <= launches; l++)); do
  rm -rf "$out/tclasses" "$out/tstate" && mkdir -p "$out/tclasses"
  (cd "$out/tclasses" && unzip -q "$jar" '*.class')
  echo "RESULT transformer/classes $(find "$out/tclasses" -name '*.class' | wc -l)" | tee -a "$results"
  line="$("$java" -jar "$tjar" --state "$out/tstate" "$out/tclasses" | grep '^lasti:')"
  echo "RESULT transformer/full-pass-ms $(tool_ms <<< "$line")" | tee -a "$results"
  # What a rebuild with nothing changed costs, JVM start-up included, against a bare JVM start-up.
  t0=$(now_ms); "$java" -jar "$tjar" --state "$out/tstate" "$out/tclasses" > /dev/null; t1=$(now_ms)
  "$java" -version 2> /dev/null; t2=$(now_ms)
  echo "RESULT transformer/incremental-wall-ms $((t1 - t0))" | tee -a "$results"
  echo "RESULT transformer/jvm-startup-wall-ms $((t2 - t1))" | tee -a "$results"
done

# The corpus: generated once (seed 42, 30% of the classes without @Async), compiled by javac in each launch
# round (the build step the transformer follows, and its reference), then transformed in place.
case "$mode" in --full) corpus_n=4000 ;; *) corpus_n=1000 ;; esac
corpus="$out/tcorpus"
rm -rf "$corpus" && mkdir -p "$corpus"
echo "== transformer over a generated corpus of $corpus_n classes with @Async code, $launches launches"
"$java" -cp "$jar" dev.lasti.bench.corpus.AsyncCorpus "$corpus/src" "$corpus_n" 0.3 42
find "$corpus/src" -name '*.java' > "$corpus/sources.txt"
# The class a one-file edit recompiles: javac writes it again, untransformed, with a new time stamp.
touched="$(head -1 "$corpus/src/async-classes.txt" | tr . /).class"

tc="$corpus/out"
for ((l = 1; l <= launches; l++)); do
  # javac of the sources, wall time with its JVM start, into a fresh folder the transformer then rewrites.
  rm -rf "$tc" "$corpus/javac" "$corpus/state"
  t0=$(now_ms)
  "${java%/java}/javac" -nowarn -g --release 17 -cp "$rjar" -d "$corpus/javac" @"$corpus/sources.txt"
  t1=$(now_ms)
  echo "RESULT transformer/corpus-javac-wall-ms $((t1 - t0))" | tee -a "$results"
  echo "RESULT transformer/corpus-classes $(find "$corpus/javac" -name '*.class' | wc -l)" | tee -a "$results"
  echo "RESULT transformer-bytes/corpus-input $(class_bytes "$corpus/javac")" | tee -a "$results"
  cp -r "$corpus/javac" "$tc"
  # Full pass as the Maven plugin runs it by default: fresh state, output verified before it is written.
  t0=$(now_ms)
  line="$("$java" -jar "$tjar" --verify --classpath "$rjar" --state "$corpus/state" "$tc" | grep '^lasti:')"
  t1=$(now_ms)
  echo "$line"
  echo "RESULT transformer/corpus-full-pass-ms $(tool_ms <<< "$line")" | tee -a "$results"
  echo "RESULT transformer/corpus-full-wall-ms $((t1 - t0))" | tee -a "$results"
  echo "RESULT transformer/corpus-transformed-classes $(sed -nE 's/^lasti: transformed ([0-9]+) class.*/\1/p' <<< "$line")" \
    | tee -a "$results"
  # One frame class per transformed method (lambdas holding an await count as methods).
  echo "RESULT transformer-count/corpus-methods $(sed -nE 's/.*\(([0-9]+) methods?\).*/\1/p' <<< "$line")" \
    | tee -a "$results"
  echo "RESULT transformer-bytes/corpus-output $(class_bytes "$tc")" | tee -a "$results"
  # The output loads (the JVM verifies every class it loads) and computes what the plain twins compute.
  check="$("$java" -cp "$jar" dev.lasti.bench.corpus.CorpusCheck "$tc" "$corpus/src/async-classes.txt" 200 || true)"
  echo "$check" | grep -v '^RESULT'
  failures="$(sed -nE 's/^RESULT transformer\/corpus-check-failures ([0-9]+)$/\1/p' <<< "$check")"
  echo "RESULT transformer-count/corpus-check-failures ${failures:-200}" | tee -a "$results"
  # Rebuild with nothing changed, then after javac rewrote one class; wall, JVM start-up included.
  t0=$(now_ms); "$java" -jar "$tjar" --verify --classpath "$rjar" --state "$corpus/state" "$tc" > /dev/null; t1=$(now_ms)
  echo "RESULT transformer/corpus-noop-wall-ms $((t1 - t0))" | tee -a "$results"
  cp "$corpus/javac/$touched" "$tc/$touched"
  t0=$(now_ms)
  line="$("$java" -jar "$tjar" --verify --classpath "$rjar" --state "$corpus/state" "$tc" | grep '^lasti:')"
  t1=$(now_ms)
  echo "$line"
  echo "RESULT transformer/corpus-touch1-wall-ms $((t1 - t0))" | tee -a "$results"
  echo "RESULT transformer/corpus-touch1-ms $(tool_ms <<< "$line")" | tee -a "$results"
  t0=$(now_ms); "$java" -version 2> /dev/null; t1=$(now_ms)
  echo "RESULT transformer/corpus-jvm-startup-wall-ms $((t1 - t0))" | tee -a "$results"
  # The same full pass without verification and without state: what --verify costs.
  rm -rf "$tc.nv" && cp -r "$corpus/javac" "$tc.nv"
  line="$("$java" -jar "$tjar" "$tc.nv" | grep '^lasti:')"
  echo "RESULT transformer/corpus-full-pass-noverify-ms $(tool_ms <<< "$line")" | tee -a "$results"
done
rm -rf "$tc.nv" "$out/tclasses"

package dev.lasti.transformer.generator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Checks the generator's plain-Java side: deterministic sources that javac accepts and twins that end, for
 * async programs and both kinds of generator program.
 */
class GeneratorSmokeTest {
    private final ProgramGenerator generator = new ProgramGenerator(EnumSet.allOf(Shape.class));

    @Test
    void sameSeed_givesSameSource() {
        for (long seed = 0; seed < 50; seed++) {
            assertEquals(ProgramWriter.render(generator.generate(seed)), ProgramWriter.render(generator.generate(seed)));
        }
    }

    /** Both generator kinds: the same seed gives the same source, and javac accepts 10 programs of each. */
    @Test
    void generatorPrograms_areDeterministic_andCompile() {
        for (Mode kind : List.of(Mode.GENERATOR, Mode.ASYNC_GENERATOR)) {
            ProgramGenerator g = new ProgramGenerator(EnumSet.allOf(Shape.class), kind);
            List<InMemoryCompiler.Source> sources = new ArrayList<>();
            for (long seed = 0; seed < 10; seed++) {
                String source = ProgramWriter.render(g.generate(seed));
                assertEquals(source, ProgramWriter.render(g.generate(seed)));
                sources.add(new InMemoryCompiler.Source(g.generate(seed).qualifiedName(), source));
            }
            assertTrue(new InMemoryCompiler().compile(sources).size() >= 10, kind.toString());
        }
    }

    @Test
    void generatedPrograms_compileAndTheirPlainTwinsTerminate() throws Exception {
        List<InMemoryCompiler.Source> sources = new ArrayList<>();
        List<ProgramGenerator.Program> programs = new ArrayList<>();
        for (long seed = 0; seed < 50; seed++) {
            ProgramGenerator.Program p = generator.generate(seed);
            programs.add(p);
            sources.add(new InMemoryCompiler.Source(p.qualifiedName(), ProgramWriter.render(p)));
        }
        Map<String, byte[]> classes = new InMemoryCompiler().compile(sources);
        ClassLoader loader = new BytesClassLoader(classes, getClass().getClassLoader());
        int threw = 0;
        int methods = 0;
        for (ProgramGenerator.Program p : programs) {
            Class<?> c = loader.loadClass(p.qualifiedName());
            for (int i = 0; i < p.methods().size(); i++) {
                Outcome o = Outcome.plain(c, p.methods().get(i).signature(), Args.forSeed(p.seed(), i),
                        Sched.plainFor(new Sched.AllDone()));
                threw += o.exception() != null ? 1 : 0;
                methods++;
            }
        }
        // Some twins throw on purpose, but most must return, or the code after the throws goes untested.
        assertTrue(threw < methods / 2, threw + " of " + methods + " plain twins threw");
    }
}

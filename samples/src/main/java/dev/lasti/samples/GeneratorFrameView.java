package dev.lasti.samples;

import dev.lasti.Generates;
import dev.lasti.Generator;
import dev.lasti.Yield;
import dev.lasti.internal.GeneratorFrame;
import java.lang.reflect.Field;
import java.util.Map;
import java.util.TreeMap;

/**
 * G4 (seed 002): the generator's frame, visible. A suspended generator is its frame object: {@code
 * resumePoint()} is the seed's {@code gen.gi_frame.f_lasti} (site 1 is the entry, site k+1 the k-th yield),
 * and its fields are the saved live locals ({@code f_locals}). Nothing else is kept: {@code square} is dead at
 * each yield, so it has no field. The {@code javap} listing is in docs/bytecode-walkthrough.md.
 */
public final class GeneratorFrameView {
    private GeneratorFrameView() {}

    @Generates
    static Generator<Integer> squares(int limit) {
        for (int i = 1; i <= limit; i++) {
            int square = i * i;
            Yield.yield(square);
        }
        return Yield.done();
    }

    /** The frame's saved fields, read by reflection (the frame class is the sample package's own). */
    static Map<String, Object> savedLocals(Generator<?> gen) {
        Map<String, Object> out = new TreeMap<>();
        for (Field f : gen.getClass().getDeclaredFields()) {
            try {
                f.setAccessible(true);
                out.put(f.getName(), f.get(gen));
            } catch (ReflectiveOperationException | RuntimeException e) {
                out.put(f.getName(), "unreadable: " + e);
            }
        }
        return out;
    }

    static String run() {
        Generator<Integer> gen = squares(3);
        StringBuilder out = new StringBuilder();
        describe(out, gen, "created");
        int first = gen.next();
        describe(out, gen, "after next() = " + first);
        int second = gen.next();
        describe(out, gen, "after next() = " + second);
        return out.toString().stripTrailing();
    }

    private static void describe(StringBuilder out, Generator<?> gen, String when) {
        out.append(when).append(": ").append(gen.state()).append(", resumePoint ")
                .append(((GeneratorFrame<?>) gen).resumePoint()).append(", saved ").append(savedLocals(gen))
                .append('\n');
    }
}

package dev.lasti.transformer.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;

/** Every name and descriptor in {@link RuntimeNames} matches the real runtime (and JDK) classes. */
class RuntimeNamesTest {
    @Test
    void everyMethodRefExistsWithItsDescriptorAndKind() throws Exception {
        int checked = 0;
        for (Field field : RuntimeNames.class.getFields()) {
            if (field.getType() != RuntimeNames.MethodRef.class) {
                continue;
            }
            RuntimeNames.MethodRef ref = (RuntimeNames.MethodRef) field.get(null);
            Class<?> owner = Class.forName(ref.owner().replace('/', '.'));
            assertEquals(owner.isInterface(), ref.isInterface(), field.getName());
            if (ref.name().equals("<init>")) {
                boolean found = false;
                for (var c : owner.getDeclaredConstructors()) {
                    found |= Type.getConstructorDescriptor(c).equals(ref.descriptor());
                }
                assertTrue(found, field.getName());
            } else {
                Method method = find(owner, ref.name(), ref.descriptor());
                boolean isStatic = Modifier.isStatic(method.getModifiers());
                assertEquals(ref.opcode() == Opcodes.INVOKESTATIC, isStatic, field.getName());
            }
            checked++;
        }
        assertTrue(checked >= 14, "checked " + checked);
    }

    private static Method find(Class<?> owner, String name, String descriptor) {
        for (Class<?> c = owner; c != null; c = c.getSuperclass()) {
            for (Method m : c.getDeclaredMethods()) {
                if (m.getName().equals(name) && Type.getMethodDescriptor(m).equals(descriptor)) {
                    return m;
                }
            }
        }
        throw new AssertionError(owner.getName() + "." + name + descriptor + " does not exist");
    }

    @Test
    void typesAnnotationsAndFieldsExist() throws Exception {
        for (Type t : new Type[] {RuntimeNames.FUTURE, RuntimeNames.COMPLETION_STAGE, RuntimeNames.COMPLETABLE_FUTURE,
                RuntimeNames.JUC_FUTURE, RuntimeNames.FRAME, RuntimeNames.THROWABLE, RuntimeNames.OBJECT}) {
            Class.forName(t.getClassName());
        }
        assertEquals(RuntimeNames.ASYNC_ANNOTATION, Type.getDescriptor(dev.lasti.Async.class));
        assertEquals(RuntimeNames.FRAME_INFO, Type.getDescriptor(dev.lasti.internal.FrameInfo.class));
        Method resumePoint = dev.lasti.internal.Frame.class.getMethod(RuntimeNames.RESUME_POINT);
        assertEquals(RuntimeNames.RESUME_POINT_DESC, Type.getMethodDescriptor(resumePoint));
        assertTrue(Modifier.isAbstract(resumePoint.getModifiers()), "each frame class implements it");
        Method resume = dev.lasti.internal.Frame.class.getDeclaredMethod(RuntimeNames.RESUME_NAME);
        assertEquals(RuntimeNames.RESUME_DESC, Type.getMethodDescriptor(resume));
        assertTrue(Modifier.isProtected(resume.getModifiers()) && Modifier.isAbstract(resume.getModifiers()));
    }

    /** The format the transformer stamps is the one the runtime accepts; one more or less is refused. */
    @Test
    void formatVersionAgreesWithTheRuntime() {
        dev.lasti.internal.Frame.checkFormat(RuntimeNames.FORMAT_VERSION, RuntimeNamesTest.class);
        for (int other : new int[] {RuntimeNames.FORMAT_VERSION - 1, RuntimeNames.FORMAT_VERSION + 1}) {
            IncompatibleClassChangeError e = assertThrows(IncompatibleClassChangeError.class,
                    () -> dev.lasti.internal.Frame.checkFormat(other, RuntimeNamesTest.class));
            assertTrue(e.getMessage().contains("frame format " + other)
                    && e.getMessage().contains("frame format " + RuntimeNames.FORMAT_VERSION), e.getMessage());
        }
    }

    /** No public field anywhere in the ABI class: generated code writes only its own frame class's fields. */
    @Test
    void frameHasNoPublicMutableField() {
        assertTrue(Arrays.stream(dev.lasti.internal.Frame.class.getFields())
                .allMatch(f -> Modifier.isFinal(f.getModifiers())), "a public mutable field on Frame");
    }
}

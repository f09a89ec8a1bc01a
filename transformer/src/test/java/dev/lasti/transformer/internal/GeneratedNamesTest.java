package dev.lasti.transformer.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.MethodNode;

/** The naming scheme on its own, and the check that refuses any generated name that is not new. */
class GeneratedNamesTest {
    private static MethodNode method(String name, String desc) {
        return new MethodNode(Opcodes.ACC_STATIC, name, desc, null, null);
    }

    private static ClassNode owner(MethodNode... methods) {
        ClassNode owner = new ClassNode();
        owner.name = "a/Orders";
        owner.methods.addAll(List.of(methods));
        return owner;
    }

    @Test
    void schemeFromTheDocs_unOverloadedKeepTheirName_overloadsNumberAroundTakenNames() {
        MethodNode place = method("place", "(I)Ldev/lasti/Future;");
        MethodNode m = method("m", "()Ldev/lasti/Future;");
        MethodNode mInt = method("m", "(I)Ldev/lasti/Future;");
        MethodNode m2 = method("m$2", "()Ldev/lasti/Future;");
        MethodNode lambda = method("lambda$run$0", "()Ldev/lasti/Future;");
        ClassNode owner = owner(place, m, mInt, m2, lambda);
        Map<MethodNode, Names.Generated> names = Names.plan(owner, owner.methods, Set.of("a/Orders$place$Frame"));
        assertEquals(new Names.Generated("a/Orders$place$2$Frame", "place$2$resume"), names.get(place),
                "a referenced class of that name is never taken");
        assertEquals(new Names.Generated("a/Orders$m$1$Frame", "m$1$resume"), names.get(m));
        assertEquals(new Names.Generated("a/Orders$m$3$Frame", "m$3$resume"), names.get(mInt));
        assertEquals(new Names.Generated("a/Orders$m$2$Frame", "m$2$resume"), names.get(m2));
        assertEquals(new Names.Generated("a/Orders$lambda$run$0$Frame", "lambda$run$0$resume"), names.get(lambda));
    }

    @Test
    void aClassOrMethodClaimedTwice_orOneTheOwnerHas_isAnInternalError() {
        ClassNode owner = owner(method("m$resume", "(La/Orders$m$Frame;)Ljava/lang/Object;"));
        GeneratedNames names = new GeneratedNames(owner, Set.of("a/Orders", "a/Orders$Inner"));
        names.claimClass("a/Orders$m$Frame");
        assertThrows(GeneratedNames.Clash.class, () -> names.claimClass("a/Orders$m$Frame"));
        assertThrows(GeneratedNames.Clash.class, () -> names.claimClass("a/Orders$Inner"));
        assertThrows(GeneratedNames.Clash.class,
                () -> names.claimMethod(method("m$resume", "(La/Orders$m$Frame;)Ljava/lang/Object;")));
        names.claimMethod(method("m$resume", "(La/Orders$m$2$Frame;)Ljava/lang/Object;"));
        assertThrows(GeneratedNames.Clash.class,
                () -> names.claimMethod(method("m$resume", "(La/Orders$m$2$Frame;)Ljava/lang/Object;")));
    }
}

package dev.weft.internal.agent;

import static net.bytebuddy.jar.asm.Opcodes.ALOAD;
import static net.bytebuddy.jar.asm.Opcodes.ASTORE;
import static net.bytebuddy.jar.asm.Opcodes.BASTORE;
import static net.bytebuddy.jar.asm.Opcodes.CHECKCAST;
import static net.bytebuddy.jar.asm.Opcodes.H_INVOKESTATIC;
import static net.bytebuddy.jar.asm.Opcodes.ICONST_1;
import static net.bytebuddy.jar.asm.Opcodes.ICONST_2;
import static net.bytebuddy.jar.asm.Opcodes.INVOKESTATIC;
import static org.assertj.core.api.Assertions.assertThat;

import net.bytebuddy.jar.asm.ConstantDynamic;
import net.bytebuddy.jar.asm.Handle;
import org.junit.jupiter.api.Test;

/** Only the stores of a coverage agent's probes are left unchecked, never the program's own. */
class CoverageProbesTest {

  @Test
  void theProbeStoreAfterJacocoInitIsRecognized() {
    CoverageProbes probes = new CoverageProbes();
    probes.methodCall(INVOKESTATIC, "$jacocoInit", "()[Z");
    probes.varInsn(ASTORE, 3);
    probes.varInsn(ALOAD, 3);
    assertThat(probes.isProbeStore(ICONST_2)).isFalse();
    assertThat(probes.isProbeStore(ICONST_1)).isFalse();
    assertThat(probes.isProbeStore(BASTORE)).isTrue();
    // the next probe, with a bipush index
    probes.varInsn(ALOAD, 3);
    probes.intPushed();
    assertThat(probes.isProbeStore(ICONST_1)).isFalse();
    assertThat(probes.isProbeStore(BASTORE)).isTrue();
  }

  @Test
  void theProbeStoreAfterTheJacocoDataConstantIsRecognized() {
    CoverageProbes probes = new CoverageProbes();
    probes.constantLoaded(new ConstantDynamic("$jacocoData", "Ljava/lang/Object;",
        new Handle(H_INVOKESTATIC, "com/example/Visits", "$jacocoInit",
            "(Ljava/lang/invoke/MethodHandles$Lookup;Ljava/lang/String;Ljava/lang/Class;)[Z",
            false)));
    probes.typeInsn(CHECKCAST, "[Z");
    probes.varInsn(ASTORE, 1);
    probes.varInsn(ALOAD, 1);
    probes.isProbeStore(ICONST_2);
    probes.isProbeStore(ICONST_1);
    assertThat(probes.isProbeStore(BASTORE)).isTrue();
  }

  @Test
  void theProgramsOwnBooleanArrayStoresAreNot() {
    CoverageProbes probes = new CoverageProbes();
    probes.methodCall(INVOKESTATIC, "$jacocoInit", "()[Z");
    probes.varInsn(ASTORE, 3);
    // flags[2] = true on another local
    probes.varInsn(ALOAD, 4);
    probes.isProbeStore(ICONST_2);
    probes.isProbeStore(ICONST_1);
    assertThat(probes.isProbeStore(BASTORE)).isFalse();
    // the same shape without any $jacocoInit in the method
    CoverageProbes plain = new CoverageProbes();
    plain.varInsn(ALOAD, 3);
    plain.isProbeStore(ICONST_2);
    plain.isProbeStore(ICONST_1);
    assertThat(plain.isProbeStore(BASTORE)).isFalse();
    // an interleaved instruction breaks the shape
    probes.varInsn(ALOAD, 3);
    probes.isProbeStore(ICONST_2);
    probes.other();
    probes.isProbeStore(ICONST_1);
    assertThat(probes.isProbeStore(BASTORE)).isFalse();
  }
}

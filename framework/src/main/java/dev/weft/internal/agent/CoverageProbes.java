package dev.weft.internal.agent;

import static net.bytebuddy.jar.asm.Opcodes.ALOAD;
import static net.bytebuddy.jar.asm.Opcodes.ASTORE;
import static net.bytebuddy.jar.asm.Opcodes.BASTORE;
import static net.bytebuddy.jar.asm.Opcodes.CHECKCAST;
import static net.bytebuddy.jar.asm.Opcodes.ICONST_0;
import static net.bytebuddy.jar.asm.Opcodes.ICONST_1;
import static net.bytebuddy.jar.asm.Opcodes.ICONST_5;
import static net.bytebuddy.jar.asm.Opcodes.INVOKESTATIC;

import net.bytebuddy.jar.asm.ConstantDynamic;

/**
 * Recognizes the probes a coverage agent (JaCoCo) put into a method before Weft saw it, so that
 * their stores are not checked for races. A probe marks a branch as run: {@code probes[i] = true}
 * on a {@code boolean[]} shared by every thread, a benign race by design that the user neither
 * wrote nor can fix. The shape is fixed: the method starts with {@code invokestatic $jacocoInit
 * ()[Z; astore n} (or, in class files of Java 11 and later, {@code ldc} of the dynamic constant
 * {@code $jacocoData}, {@code checkcast [Z; astore n}), and each probe is {@code aload n; push i;
 * iconst_1; bastore}, four instructions in a row. One instance per method; feed it every
 * instruction in order.
 */
final class CoverageProbes {
  private static final String INIT = "$jacocoInit";
  private static final String INIT_DESCRIPTOR = "()[Z";
  private static final String DATA = "$jacocoData";

  /** The local that holds the probe array, or -1. */
  private int probesLocal = -1;
  private boolean initJustCalled;
  /** How far into a probe's four instructions the method is: 0 (not in one) to 3. */
  private int step;

  void methodCall(int opcode, String name, String descriptor) {
    step = 0;
    initJustCalled = opcode == INVOKESTATIC && name.equals(INIT)
        && descriptor.equals(INIT_DESCRIPTOR);
  }

  void varInsn(int opcode, int var) {
    if (opcode == ASTORE && initJustCalled) probesLocal = var;
    initJustCalled = false;
    step = opcode == ALOAD && var == probesLocal ? 1 : 0;
  }

  /** An {@code ldc} of something other than an int. */
  void constantLoaded(Object value) {
    step = 0;
    initJustCalled = value instanceof ConstantDynamic dynamic && dynamic.getName().equals(DATA);
  }

  /** A type instruction: the {@code checkcast [Z} after the dynamic constant keeps the shape. */
  void typeInsn(int opcode, String type) {
    step = 0;
    initJustCalled = initJustCalled && opcode == CHECKCAST && type.equals("[Z");
  }

  /** A push of an int constant by {@code bipush}, {@code sipush} or {@code ldc}. */
  void intPushed() {
    initJustCalled = false;
    step = step == 1 ? 2 : 0;
  }

  /**
   * A zero-operand instruction; returns true when it is the {@code bastore} that ends a probe,
   * which must then be left as it is.
   */
  boolean isProbeStore(int opcode) {
    initJustCalled = false;
    if (opcode == BASTORE && step == 3) {
      step = 0;
      return true;
    }
    if (opcode >= ICONST_0 && opcode <= ICONST_5) {
      step = step == 1 ? 2 : step == 2 && opcode == ICONST_1 ? 3 : 0;
    } else {
      step = 0;
    }
    return false;
  }

  /** Any other instruction: not part of a probe. */
  void other() {
    initJustCalled = false;
    step = 0;
  }
}

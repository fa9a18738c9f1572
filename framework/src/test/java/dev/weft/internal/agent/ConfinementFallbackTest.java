package dev.weft.internal.agent;

import static net.bytebuddy.jar.asm.Opcodes.*;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.function.Consumer;
import net.bytebuddy.ByteBuddy;
import net.bytebuddy.dynamic.ClassFileLocator;
import net.bytebuddy.dynamic.scaffold.TypeValidation;
import net.bytebuddy.jar.asm.ClassWriter;
import net.bytebuddy.jar.asm.Label;
import net.bytebuddy.jar.asm.MethodVisitor;
import org.junit.jupiter.api.Test;

/**
 * Where the escape analysis cannot be trusted, every access keeps its hook: a method with a
 * subroutine (JSR/RET, class files older than Java 6) and a method too long to hold back. Each
 * case is set beside the same method without the obstacle, whose array accesses are confined, so
 * that the hooks seen are the fallback's doing.
 */
class ConfinementFallbackTest {
  private static final String CLASS_NAME = "dev.weft.internal.agent.GeneratedFallbackSample";

  @Test
  void aMethodWithASubroutineKeepsEveryAccessHook() {
    assertThat(accessHooks(sample(false, 0))).isEmpty();
    assertThat(accessHooks(sample(true, 0))).containsExactly("writeElement", "readElement");
  }

  @Test
  void aMethodTooLongToHoldBackKeepsEveryAccessHook() {
    int padding = ConfinementPrepass.MAX_CALLS + 1;
    assertThat(accessHooks(sample(false, 1000))).isEmpty();
    assertThat(accessHooks(sample(false, padding))).containsExactly("writeElement",
        "readElement");
  }

  /**
   * A Java 5 class whose {@code run()} creates an {@code int[1]}, writes and reads its element,
   * and between the two calls a subroutine or runs {@code nops} no-ops.
   */
  private static byte[] sample(boolean subroutine, int nops) {
    return classWith(mv -> {
      mv.visitInsn(ICONST_1);
      mv.visitIntInsn(NEWARRAY, T_INT);
      mv.visitVarInsn(ASTORE, 1);
      mv.visitVarInsn(ALOAD, 1);
      mv.visitInsn(ICONST_0);
      mv.visitInsn(ICONST_1);
      mv.visitInsn(IASTORE);
      Label finallyBlock = new Label();
      if (subroutine) mv.visitJumpInsn(JSR, finallyBlock);
      for (int i = 0; i < nops; i++) mv.visitInsn(NOP);
      mv.visitVarInsn(ALOAD, 1);
      mv.visitInsn(ICONST_0);
      mv.visitInsn(IALOAD);
      mv.visitInsn(POP);
      mv.visitInsn(RETURN);
      if (subroutine) {
        mv.visitLabel(finallyBlock);
        mv.visitVarInsn(ASTORE, 2);
        mv.visitVarInsn(RET, 2);
      }
    });
  }

  private static byte[] classWith(Consumer<MethodVisitor> body) {
    ClassWriter writer = new ClassWriter(ClassWriter.COMPUTE_MAXS);
    String internalName = CLASS_NAME.replace('.', '/');
    writer.visit(V1_5, ACC_PUBLIC | ACC_SUPER, internalName, null, "java/lang/Object", null);
    MethodVisitor init = writer.visitMethod(ACC_PUBLIC, "<init>", "()V", null, null);
    init.visitCode();
    init.visitVarInsn(ALOAD, 0);
    init.visitMethodInsn(INVOKESPECIAL, "java/lang/Object", "<init>", "()V", false);
    init.visitInsn(RETURN);
    init.visitMaxs(0, 0);
    init.visitEnd();
    MethodVisitor run = writer.visitMethod(ACC_PUBLIC, "run", "()V", null, null);
    run.visitCode();
    body.accept(run);
    run.visitMaxs(0, 0);
    run.visitEnd();
    writer.visitEnd();
    return writer.toByteArray();
  }

  /** The field and element hooks that {@code run()} calls once the class is rewritten. */
  private static List<String> accessHooks(byte[] original) {
    Class<?> loaded = new SampleLoader().define(original);
    byte[] rewritten = new ByteBuddy().with(TypeValidation.DISABLED)
        .redefine(loaded, ClassFileLocator.Simple.of(CLASS_NAME, original))
        .visit(new CallSiteRewriter(CallSiteRewriter.Mode.APPLICATION, loaded.getClassLoader()))
        .make().getBytes();
    return AccessHooks.of(rewritten, "run");
  }

  /** Defines one generated sample class per test, so that each is loaded afresh. */
  private static final class SampleLoader extends ClassLoader {
    SampleLoader() {
      super(ConfinementFallbackTest.class.getClassLoader());
    }

    Class<?> define(byte[] classFile) {
      return defineClass(CLASS_NAME, classFile, 0, classFile.length);
    }
  }
}

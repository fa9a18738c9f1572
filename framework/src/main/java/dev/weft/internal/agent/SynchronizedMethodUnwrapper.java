package dev.weft.internal.agent;

import static net.bytebuddy.jar.asm.Opcodes.ALOAD;
import static net.bytebuddy.jar.asm.Opcodes.ARETURN;
import static net.bytebuddy.jar.asm.Opcodes.ATHROW;
import static net.bytebuddy.jar.asm.Opcodes.DRETURN;
import static net.bytebuddy.jar.asm.Opcodes.F_NEW;
import static net.bytebuddy.jar.asm.Opcodes.FRETURN;
import static net.bytebuddy.jar.asm.Opcodes.INVOKESTATIC;
import static net.bytebuddy.jar.asm.Opcodes.IRETURN;
import static net.bytebuddy.jar.asm.Opcodes.LRETURN;
import static net.bytebuddy.jar.asm.Opcodes.MONITORENTER;
import static net.bytebuddy.jar.asm.Opcodes.MONITOREXIT;
import static net.bytebuddy.jar.asm.Opcodes.RETURN;
import static net.bytebuddy.jar.asm.Opcodes.V1_5;
import static net.bytebuddy.jar.asm.Opcodes.V1_6;

import net.bytebuddy.jar.asm.Label;
import net.bytebuddy.jar.asm.MethodVisitor;
import net.bytebuddy.jar.asm.Type;
import net.bytebuddy.utility.OpenedClassReader;

/**
 * Turns a {@code synchronized} method into a plain one whose body is a synchronized block, so that
 * the scheduler sees the monitor acquisition before it happens (the JVM takes an
 * {@code ACC_SYNCHRONIZED} method's monitor before the first instruction). The downstream visitor
 * is the {@link SyncPointMethodVisitor}, so the inserted {@code monitorenter}/{@code monitorexit}
 * get their hooks the same way as written ones. Relies on local 0 holding {@code this} throughout,
 * as every Java compiler emits.
 *
 * <p>Frames are not recomputed (see {@link CallSiteRewriter#mergeWriter}): the handler added at the
 * end carries its own full frame, which holds for every instruction it covers (only {@code this},
 * or nothing for a static method, and the throwable). Class files older than Java 6 need no frames
 * and may hold JSR/RET subroutines, which pass through unchanged; older than Java 5 they cannot
 * load a class constant either, so a static method's lock is found the way their compilers did it,
 * through {@code Class.forName} from the class itself (its own loader, which knows it).
 */
final class SynchronizedMethodUnwrapper extends MethodVisitor {
  private final String ownerInternalName;
  private final boolean isStatic;
  private final int classFileVersion;
  private final Label bodyStart = new Label();
  private final Label bodyEnd = new Label();
  private final Label handler = new Label();

  SynchronizedMethodUnwrapper(MethodVisitor mv, String ownerInternalName, boolean isStatic,
      int classFileVersion) {
    super(OpenedClassReader.ASM_API, mv);
    this.ownerInternalName = ownerInternalName;
    this.isStatic = isStatic;
    this.classFileVersion = classFileVersion;
  }

  private void pushLock() {
    if (isStatic && classFileVersion < V1_5) {
      super.visitLdcInsn(Type.getObjectType(ownerInternalName).getClassName());
      super.visitMethodInsn(INVOKESTATIC, "java/lang/Class", "forName",
          "(Ljava/lang/String;)Ljava/lang/Class;", false);
    } else if (isStatic) {
      super.visitLdcInsn(Type.getObjectType(ownerInternalName));
    } else {
      super.visitVarInsn(ALOAD, 0);
    }
  }

  @Override
  public void visitCode() {
    super.visitCode();
    pushLock();
    super.visitInsn(MONITORENTER);
    super.visitLabel(bodyStart);
  }

  @Override
  public void visitInsn(int opcode) {
    switch (opcode) {
      case RETURN:
      case IRETURN:
      case LRETURN:
      case FRETURN:
      case DRETURN:
      case ARETURN:
        pushLock();
        super.visitInsn(MONITOREXIT);
        break;
      default:
        break;
    }
    super.visitInsn(opcode);
  }

  @Override
  public void visitMaxs(int maxStack, int maxLocals) {
    super.visitLabel(bodyEnd);
    super.visitLabel(handler);
    if (classFileVersion >= V1_6) {
      Object[] locals = isStatic ? new Object[0] : new Object[] {ownerInternalName};
      super.visitFrame(F_NEW, locals.length, locals, 1, new Object[] {"java/lang/Throwable"});
    }
    pushLock();
    super.visitInsn(MONITOREXIT);
    super.visitInsn(ATHROW);
    // Registered last so that the body's own handlers, listed earlier, take precedence.
    super.visitTryCatchBlock(bodyStart, bodyEnd, handler, null);
    super.visitMaxs(maxStack, maxLocals);
  }
}

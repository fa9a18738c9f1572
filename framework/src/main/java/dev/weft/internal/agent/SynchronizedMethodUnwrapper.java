package dev.weft.internal.agent;

import static net.bytebuddy.jar.asm.Opcodes.ALOAD;
import static net.bytebuddy.jar.asm.Opcodes.ARETURN;
import static net.bytebuddy.jar.asm.Opcodes.ATHROW;
import static net.bytebuddy.jar.asm.Opcodes.DRETURN;
import static net.bytebuddy.jar.asm.Opcodes.FRETURN;
import static net.bytebuddy.jar.asm.Opcodes.IRETURN;
import static net.bytebuddy.jar.asm.Opcodes.LRETURN;
import static net.bytebuddy.jar.asm.Opcodes.MONITORENTER;
import static net.bytebuddy.jar.asm.Opcodes.MONITOREXIT;
import static net.bytebuddy.jar.asm.Opcodes.RETURN;

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
 */
final class SynchronizedMethodUnwrapper extends MethodVisitor {
  private final String ownerInternalName;
  private final boolean isStatic;
  private final Label bodyStart = new Label();
  private final Label bodyEnd = new Label();
  private final Label handler = new Label();

  SynchronizedMethodUnwrapper(MethodVisitor mv, String ownerInternalName, boolean isStatic,
      SiteNamer sites) {
    super(OpenedClassReader.ASM_API, mv);
    this.ownerInternalName = ownerInternalName;
    this.isStatic = isStatic;
  }

  private void pushLock() {
    if (isStatic) {
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
    pushLock();
    super.visitInsn(MONITOREXIT);
    super.visitInsn(ATHROW);
    // Registered last so that the body's own handlers, listed earlier, take precedence.
    super.visitTryCatchBlock(bodyStart, bodyEnd, handler, null);
    super.visitMaxs(maxStack, maxLocals);
  }
}

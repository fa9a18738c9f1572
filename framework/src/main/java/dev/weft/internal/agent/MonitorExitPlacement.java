package dev.weft.internal.agent;

import static net.bytebuddy.jar.asm.Opcodes.DUP;
import static net.bytebuddy.jar.asm.Opcodes.INVOKESTATIC;
import static net.bytebuddy.jar.asm.Opcodes.MONITOREXIT;
import static net.bytebuddy.jar.asm.Opcodes.V1_6;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import net.bytebuddy.jar.asm.Handle;
import net.bytebuddy.jar.asm.Label;
import net.bytebuddy.jar.asm.MethodVisitor;
import net.bytebuddy.utility.OpenedClassReader;

/**
 * Places the hook of a {@code monitorexit} where both JITs still compile the method. Sits right
 * below the {@link SyncPointMethodVisitor}, which asks it to {@link #exit} a monitor.
 *
 * <p>HotSpot's compilers check that every exception edge reaches its handler with the same
 * monitors held. javac's exception range of a {@code synchronized} block ends right after its
 * {@code monitorexit}, so a call emitted after the exit but inside the range (how the exit hook
 * used to be placed) throws, as far as the compilers know, into a handler that expects the
 * monitor held: C2 says "invalid parsing", C1 "cannot parse method", and the method runs in the
 * interpreter for good. The hook therefore goes before the exit: it only updates the model (no
 * scheduling point), so nothing else runs between the two.
 *
 * <p>One case is left: javac's handler that releases the monitor on the exceptional path is
 * covered by its own range, and C1 cannot merge an exception edge from inside that handler back to
 * its start ("error while joining with exception handler"). There the hook follows the exit and
 * waits until the range has ended, with the monitor's reference kept on the operand stack. If a
 * stack map frame comes at that point (the label is a branch target, whose frame knows nothing of
 * the extra reference), or the class file is older than Java 6 (no frames to tell a branch
 * target), the hook goes right after the exit instead, which is always correct.
 */
final class MonitorExitPlacement extends MethodVisitor {
  private final int classFileVersion;
  private final List<Label[]> ranges = new ArrayList<>();
  private final Set<Label> visited = new HashSet<>();
  /** The hook waiting for the end of the handler's own range, or null. */
  private HookMethod pendingHook;
  private int pendingSite;
  /** A label visited while a hook waits: emitted before the hook unless a frame follows it. */
  private Label heldLabel;

  MonitorExitPlacement(MethodVisitor mv, int classFileVersion) {
    super(OpenedClassReader.ASM_API, mv);
    this.classFileVersion = classFileVersion;
  }

  /** Releases the monitor whose object is on top of the stack, telling the runtime through {@code hook}. */
  void exit(HookMethod hook, int site) {
    flush();
    if (classFileVersion >= V1_6 && insideOwnHandlersRange()) {
      super.visitInsn(DUP);
      super.visitInsn(MONITOREXIT);
      pendingHook = hook;
      pendingSite = site;
      return;
    }
    super.visitInsn(DUP);
    super.visitLdcInsn(site);
    callHook(hook);
    super.visitInsn(MONITOREXIT);
  }

  /** Whether an active exception range leads to a handler that was already visited. */
  private boolean insideOwnHandlersRange() {
    for (Label[] range : ranges) {
      if (visited.contains(range[0]) && !visited.contains(range[1])
          && visited.contains(range[2])) {
        return true;
      }
    }
    return false;
  }

  private void callHook(HookMethod hook) {
    super.visitMethodInsn(INVOKESTATIC, HookMethod.OWNER, hook.hookName, hook.descriptor, false);
  }

  /** Emits a waiting hook (and the label held back for it) before whatever comes next. */
  private void flush() {
    if (pendingHook == null) return;
    if (heldLabel != null) super.visitLabel(heldLabel);
    heldLabel = null;
    super.visitLdcInsn(pendingSite);
    callHook(pendingHook);
    pendingHook = null;
  }

  @Override
  public void visitTryCatchBlock(Label start, Label end, Label handler, String type) {
    ranges.add(new Label[] {start, end, handler});
    super.visitTryCatchBlock(start, end, handler, type);
  }

  @Override
  public void visitLabel(Label label) {
    visited.add(label);
    if (pendingHook != null && heldLabel == null) {
      heldLabel = label;
      return;
    }
    flush();
    super.visitLabel(label);
  }

  @Override
  public void visitFrame(int type, int numLocal, Object[] local, int numStack, Object[] stack) {
    if (pendingHook != null) {
      // A frame describes the stack without the extra reference: the hook must come first.
      Label label = heldLabel;
      heldLabel = null;
      super.visitLdcInsn(pendingSite);
      callHook(pendingHook);
      pendingHook = null;
      if (label != null) super.visitLabel(label);
    }
    super.visitFrame(type, numLocal, local, numStack, stack);
  }

  @Override
  public void visitLineNumber(int line, Label start) {
    if (start == heldLabel) flushLabelOnly();
    super.visitLineNumber(line, start);
  }

  /** A line number names the held label: it is emitted now, the hook still after it. */
  private void flushLabelOnly() {
    super.visitLabel(heldLabel);
    heldLabel = null;
  }

  @Override
  public void visitInsn(int opcode) {
    flush();
    super.visitInsn(opcode);
  }

  @Override
  public void visitIntInsn(int opcode, int operand) {
    flush();
    super.visitIntInsn(opcode, operand);
  }

  @Override
  public void visitVarInsn(int opcode, int var) {
    flush();
    super.visitVarInsn(opcode, var);
  }

  @Override
  public void visitTypeInsn(int opcode, String type) {
    flush();
    super.visitTypeInsn(opcode, type);
  }

  @Override
  public void visitFieldInsn(int opcode, String owner, String name, String descriptor) {
    flush();
    super.visitFieldInsn(opcode, owner, name, descriptor);
  }

  @Override
  public void visitMethodInsn(int opcode, String owner, String name, String descriptor,
      boolean isInterface) {
    flush();
    super.visitMethodInsn(opcode, owner, name, descriptor, isInterface);
  }

  @Override
  public void visitInvokeDynamicInsn(String name, String descriptor, Handle bootstrapMethodHandle,
      Object... bootstrapMethodArguments) {
    flush();
    super.visitInvokeDynamicInsn(name, descriptor, bootstrapMethodHandle,
        bootstrapMethodArguments);
  }

  @Override
  public void visitJumpInsn(int opcode, Label label) {
    flush();
    super.visitJumpInsn(opcode, label);
  }

  @Override
  public void visitLdcInsn(Object value) {
    flush();
    super.visitLdcInsn(value);
  }

  @Override
  public void visitIincInsn(int var, int increment) {
    flush();
    super.visitIincInsn(var, increment);
  }

  @Override
  public void visitTableSwitchInsn(int min, int max, Label dflt, Label... labels) {
    flush();
    super.visitTableSwitchInsn(min, max, dflt, labels);
  }

  @Override
  public void visitLookupSwitchInsn(Label dflt, int[] keys, Label[] labels) {
    flush();
    super.visitLookupSwitchInsn(dflt, keys, labels);
  }

  @Override
  public void visitMultiANewArrayInsn(String descriptor, int numDimensions) {
    flush();
    super.visitMultiANewArrayInsn(descriptor, numDimensions);
  }

  @Override
  public void visitMaxs(int maxStack, int maxLocals) {
    flush();
    super.visitMaxs(maxStack, maxLocals);
  }
}

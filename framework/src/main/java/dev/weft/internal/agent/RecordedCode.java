package dev.weft.internal.agent;

import java.util.ArrayList;
import java.util.function.Consumer;
import net.bytebuddy.jar.asm.Attribute;
import net.bytebuddy.jar.asm.Handle;
import net.bytebuddy.jar.asm.Label;
import net.bytebuddy.jar.asm.MethodVisitor;
import net.bytebuddy.utility.OpenedClassReader;

/**
 * The code of one method as it was visited, from after {@code visitCode} to {@code visitMaxs},
 * to be replayed into other visitors: first to analyses, then to the rewriting chain. Arrays are
 * copied, since a class reader reuses its own (frames) between calls.
 */
final class RecordedCode extends MethodVisitor {
  private final ArrayList<Consumer<MethodVisitor>> calls = new ArrayList<>();

  RecordedCode() {
    super(OpenedClassReader.ASM_API);
  }

  /** How many calls were recorded. */
  int size() {
    return calls.size();
  }

  /** Visits {@code mv} with every recorded call, in order. */
  void replay(MethodVisitor mv) {
    for (Consumer<MethodVisitor> call : calls) call.accept(mv);
  }

  /**
   * Records and replays one call of every kind, so that the classes behind them (the recording's
   * lambdas among them) are loaded now and not in a transformation on a controlled thread, where
   * loading a class takes a class loader's lock: a step the next executions would not take.
   */
  static void warmUp() {
    RecordedCode code = new RecordedCode();
    Label label = new Label();
    code.visitAttribute(null);
    code.visitFrame(0, 0, new Object[0], 0, new Object[0]);
    code.visitInsn(0);
    code.visitIntInsn(0, 0);
    code.visitVarInsn(0, 0);
    code.visitTypeInsn(0, "");
    code.visitFieldInsn(0, "", "", "");
    code.visitMethodInsn(0, "", "", "", false);
    code.visitInvokeDynamicInsn("", "", null);
    code.visitJumpInsn(0, label);
    code.visitLabel(label);
    code.visitLdcInsn(0);
    code.visitIincInsn(0, 0);
    code.visitTableSwitchInsn(0, 0, label, label);
    code.visitLookupSwitchInsn(label, new int[0], new Label[0]);
    code.visitMultiANewArrayInsn("", 0);
    code.visitTryCatchBlock(label, label, label, null);
    code.visitLocalVariable("", "", null, label, label, 0);
    code.visitLineNumber(0, label);
    code.visitMaxs(0, 0);
    code.replay(new MethodVisitor(OpenedClassReader.ASM_API) {});
  }

  private static Object[] copy(Object[] values, int n) {
    return values == null ? null : java.util.Arrays.copyOf(values, Math.min(n, values.length));
  }

  @Override
  public void visitAttribute(Attribute attribute) {
    calls.add(mv -> mv.visitAttribute(attribute));
  }

  @Override
  public void visitFrame(int type, int numLocal, Object[] local, int numStack, Object[] stack) {
    Object[] locals = copy(local, numLocal);
    Object[] stackValues = copy(stack, numStack);
    calls.add(mv -> mv.visitFrame(type, numLocal, locals, numStack, stackValues));
  }

  @Override
  public void visitInsn(int opcode) {
    calls.add(mv -> mv.visitInsn(opcode));
  }

  @Override
  public void visitIntInsn(int opcode, int operand) {
    calls.add(mv -> mv.visitIntInsn(opcode, operand));
  }

  @Override
  public void visitVarInsn(int opcode, int var) {
    calls.add(mv -> mv.visitVarInsn(opcode, var));
  }

  @Override
  public void visitTypeInsn(int opcode, String type) {
    calls.add(mv -> mv.visitTypeInsn(opcode, type));
  }

  @Override
  public void visitFieldInsn(int opcode, String owner, String name, String descriptor) {
    calls.add(mv -> mv.visitFieldInsn(opcode, owner, name, descriptor));
  }

  @Override
  public void visitMethodInsn(int opcode, String owner, String name, String descriptor,
      boolean isInterface) {
    calls.add(mv -> mv.visitMethodInsn(opcode, owner, name, descriptor, isInterface));
  }

  @Override
  public void visitInvokeDynamicInsn(String name, String descriptor, Handle bootstrapMethodHandle,
      Object... bootstrapMethodArguments) {
    Object[] arguments = bootstrapMethodArguments.clone();
    calls.add(mv -> mv.visitInvokeDynamicInsn(name, descriptor, bootstrapMethodHandle,
        arguments));
  }

  @Override
  public void visitJumpInsn(int opcode, Label label) {
    calls.add(mv -> mv.visitJumpInsn(opcode, label));
  }

  @Override
  public void visitLabel(Label label) {
    calls.add(mv -> mv.visitLabel(label));
  }

  @Override
  public void visitLdcInsn(Object value) {
    calls.add(mv -> mv.visitLdcInsn(value));
  }

  @Override
  public void visitIincInsn(int var, int increment) {
    calls.add(mv -> mv.visitIincInsn(var, increment));
  }

  @Override
  public void visitTableSwitchInsn(int min, int max, Label dflt, Label... labels) {
    Label[] targets = labels.clone();
    calls.add(mv -> mv.visitTableSwitchInsn(min, max, dflt, targets));
  }

  @Override
  public void visitLookupSwitchInsn(Label dflt, int[] keys, Label[] labels) {
    int[] values = keys.clone();
    Label[] targets = labels.clone();
    calls.add(mv -> mv.visitLookupSwitchInsn(dflt, values, targets));
  }

  @Override
  public void visitMultiANewArrayInsn(String descriptor, int numDimensions) {
    calls.add(mv -> mv.visitMultiANewArrayInsn(descriptor, numDimensions));
  }

  @Override
  public void visitTryCatchBlock(Label start, Label end, Label handler, String type) {
    calls.add(mv -> mv.visitTryCatchBlock(start, end, handler, type));
  }

  @Override
  public void visitLocalVariable(String name, String descriptor, String signature, Label start,
      Label end, int index) {
    calls.add(mv -> mv.visitLocalVariable(name, descriptor, signature, start, end, index));
  }

  @Override
  public void visitLineNumber(int line, Label start) {
    calls.add(mv -> mv.visitLineNumber(line, start));
  }

  @Override
  public void visitMaxs(int maxStack, int maxLocals) {
    calls.add(mv -> mv.visitMaxs(maxStack, maxLocals));
  }
}

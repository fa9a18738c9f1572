package dev.weft.internal.agent;

import java.util.BitSet;
import net.bytebuddy.jar.asm.AnnotationVisitor;
import net.bytebuddy.jar.asm.Attribute;
import net.bytebuddy.jar.asm.Handle;
import net.bytebuddy.jar.asm.Label;
import net.bytebuddy.jar.asm.MethodVisitor;
import net.bytebuddy.jar.asm.TypePath;
import net.bytebuddy.utility.OpenedClassReader;

/**
 * Holds a method's code back until its end, finds its thread-confined accesses ({@link
 * ConfinementAnalysis}), tells the {@link FieldAccessVisitor} behind it which ones to leave
 * alone, and then lets the code through unchanged. Everything before the code passes at once.
 *
 * <p>Whenever the analysis cannot be trusted the method is rewritten as before, with every access
 * checked: subroutines (JSR/RET), an opcode the analysis does not know, an exception inside it,
 * a method too large to hold back, or a type annotation on an instruction (whose visitor must be
 * given while the code is visited: the code seen so far goes through first).
 */
final class ConfinementPrepass extends MethodVisitor {
  /** Larger methods are rewritten without the analysis (its cost grows with the method). */
  static final int MAX_CALLS = 50_000;

  private final int access;
  private final String descriptor;
  private final ConfinedAccesses confined;
  private final ConstructorFacts constructors;
  /** The code held back; null before the code and once it went through. */
  private RecordedCode code;

  /**
   * @param rewriting the field access rewriting, which asks {@code confined}
   */
  ConfinementPrepass(MethodVisitor rewriting, int access, String descriptor,
      ConfinedAccesses confined, ConstructorFacts constructors) {
    super(OpenedClassReader.ASM_API, rewriting);
    this.access = access;
    this.descriptor = descriptor;
    this.confined = confined;
    this.constructors = constructors;
  }

  private MethodVisitor target() {
    if (code != null && code.size() > MAX_CALLS) release();
    return code != null ? code : mv;
  }

  /** Lets the code held back through with every access checked, and the rest as it comes. */
  private void release() {
    RecordedCode held = code;
    code = null;
    held.replay(mv);
  }

  private BitSet analyse() {
    try {
      ConfinementAnalysis analysis = ConfinementAnalysis.run(code, access, descriptor,
          constructors, false);
      return analysis == null ? new BitSet() : analysis.confined();
    } catch (RuntimeException unexpected) {
      return new BitSet();
    }
  }

  @Override
  public void visitCode() {
    super.visitCode();
    code = new RecordedCode();
  }

  @Override
  public void visitEnd() {
    if (code != null) {
      confined.use(analyse());
      release();
    }
    super.visitEnd();
  }

  @Override
  public AnnotationVisitor visitInsnAnnotation(int typeRef, TypePath typePath, String descriptor,
      boolean visible) {
    if (code != null) release();
    return super.visitInsnAnnotation(typeRef, typePath, descriptor, visible);
  }

  @Override
  public AnnotationVisitor visitTryCatchAnnotation(int typeRef, TypePath typePath,
      String descriptor, boolean visible) {
    if (code != null) release();
    return super.visitTryCatchAnnotation(typeRef, typePath, descriptor, visible);
  }

  @Override
  public AnnotationVisitor visitLocalVariableAnnotation(int typeRef, TypePath typePath,
      Label[] start, Label[] end, int[] index, String descriptor, boolean visible) {
    if (code != null) release();
    return super.visitLocalVariableAnnotation(typeRef, typePath, start, end, index, descriptor,
        visible);
  }

  @Override
  public void visitAttribute(Attribute attribute) {
    target().visitAttribute(attribute);
  }

  @Override
  public void visitFrame(int type, int numLocal, Object[] local, int numStack, Object[] stack) {
    target().visitFrame(type, numLocal, local, numStack, stack);
  }

  @Override
  public void visitInsn(int opcode) {
    target().visitInsn(opcode);
  }

  @Override
  public void visitIntInsn(int opcode, int operand) {
    target().visitIntInsn(opcode, operand);
  }

  @Override
  public void visitVarInsn(int opcode, int var) {
    target().visitVarInsn(opcode, var);
  }

  @Override
  public void visitTypeInsn(int opcode, String type) {
    target().visitTypeInsn(opcode, type);
  }

  @Override
  public void visitFieldInsn(int opcode, String owner, String name, String descriptor) {
    target().visitFieldInsn(opcode, owner, name, descriptor);
  }

  @Override
  public void visitMethodInsn(int opcode, String owner, String name, String descriptor,
      boolean isInterface) {
    target().visitMethodInsn(opcode, owner, name, descriptor, isInterface);
  }

  @Override
  public void visitInvokeDynamicInsn(String name, String descriptor, Handle bootstrapMethodHandle,
      Object... bootstrapMethodArguments) {
    target().visitInvokeDynamicInsn(name, descriptor, bootstrapMethodHandle,
        bootstrapMethodArguments);
  }

  @Override
  public void visitJumpInsn(int opcode, Label label) {
    target().visitJumpInsn(opcode, label);
  }

  @Override
  public void visitLabel(Label label) {
    target().visitLabel(label);
  }

  @Override
  public void visitLdcInsn(Object value) {
    target().visitLdcInsn(value);
  }

  @Override
  public void visitIincInsn(int var, int increment) {
    target().visitIincInsn(var, increment);
  }

  @Override
  public void visitTableSwitchInsn(int min, int max, Label dflt, Label... labels) {
    target().visitTableSwitchInsn(min, max, dflt, labels);
  }

  @Override
  public void visitLookupSwitchInsn(Label dflt, int[] keys, Label[] labels) {
    target().visitLookupSwitchInsn(dflt, keys, labels);
  }

  @Override
  public void visitMultiANewArrayInsn(String descriptor, int numDimensions) {
    target().visitMultiANewArrayInsn(descriptor, numDimensions);
  }

  @Override
  public void visitTryCatchBlock(Label start, Label end, Label handler, String type) {
    target().visitTryCatchBlock(start, end, handler, type);
  }

  @Override
  public void visitLocalVariable(String name, String descriptor, String signature, Label start,
      Label end, int index) {
    target().visitLocalVariable(name, descriptor, signature, start, end, index);
  }

  @Override
  public void visitLineNumber(int line, Label start) {
    target().visitLineNumber(line, start);
  }

  @Override
  public void visitMaxs(int maxStack, int maxLocals) {
    target().visitMaxs(maxStack, maxLocals);
  }
}

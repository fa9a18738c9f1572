package dev.weft.internal.agent;

import static net.bytebuddy.jar.asm.Opcodes.JSR;
import static net.bytebuddy.jar.asm.Opcodes.RET;

import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import net.bytebuddy.jar.asm.Label;
import net.bytebuddy.jar.asm.MethodVisitor;
import net.bytebuddy.utility.OpenedClassReader;

/**
 * The labels of a method's code that control flow may reach other than by falling through: jump
 * and switch targets and exception handlers. A first pass for {@link ConfinementAnalysis}.
 */
final class JoinLabels extends MethodVisitor {
  final Set<Label> joins = new HashSet<>();
  final Set<Label> handlers = new HashSet<>();
  /** JSR/RET: subroutines, which the analysis does not follow. */
  boolean subroutines;

  JoinLabels() {
    super(OpenedClassReader.ASM_API);
  }

  @Override
  public void visitJumpInsn(int opcode, Label label) {
    if (opcode == JSR) subroutines = true;
    joins.add(label);
  }

  @Override
  public void visitVarInsn(int opcode, int var) {
    if (opcode == RET) subroutines = true;
  }

  @Override
  public void visitTableSwitchInsn(int min, int max, Label dflt, Label... labels) {
    joins.add(dflt);
    joins.addAll(Arrays.asList(labels));
  }

  @Override
  public void visitLookupSwitchInsn(Label dflt, int[] keys, Label[] labels) {
    joins.add(dflt);
    joins.addAll(Arrays.asList(labels));
  }

  @Override
  public void visitTryCatchBlock(Label start, Label end, Label handler, String type) {
    joins.add(handler);
    handlers.add(handler);
  }
}

package dev.weft.internal.agent;

import static net.bytebuddy.jar.asm.Opcodes.*;

import java.util.Arrays;
import java.util.BitSet;
import java.util.Set;
import net.bytebuddy.jar.asm.ConstantDynamic;
import net.bytebuddy.jar.asm.Handle;
import net.bytebuddy.jar.asm.Label;
import net.bytebuddy.jar.asm.MethodVisitor;
import net.bytebuddy.jar.asm.Type;
import net.bytebuddy.utility.OpenedClassReader;

/**
 * Intra-method escape analysis: which field and array accesses of a method can only reach an
 * object or array this invocation of the method created and never let any other code see.
 *
 * <p>Each allocation ({@code new}, {@code newarray}, {@code anewarray}, {@code multianewarray}) and
 * each local variable slot is a node; storing a value into a slot joins their nodes (union-find),
 * so the analysis needs no fixed point over loops: a slot stands for every value ever stored in
 * it. A node is spoilt when a value of it escapes (stored into a field, a static or an array
 * element, passed to any call but a constructor that keeps {@code this} to itself or a JDK call
 * that only reads, fills or copies arrays ({@link ArrayKeepingCalls}), captured by {@code
 * invokedynamic}, returned, thrown, or still on the operand stack where control flow joins) or when its slot may hold anything else (a parameter, {@code this}, a value
 * of unknown origin). An access is confined when its receiver belongs to a node that is not
 * spoilt.
 *
 * <p>The operand stack is simulated slot by slot along the code, which needs no types. Where
 * control flow joins (a jump, switch or handler target), every allocation still on the stack is
 * spoilt, so the stack met there can only hold values of no interest; below what the simulation
 * knows, the stack holds such values too. Locals are flow-insensitive, so a join needs nothing
 * for them. JSR/RET make the analysis fail: then nothing is confined.
 */
final class ConfinementAnalysis extends MethodVisitor {
  /** A stack value the analysis does not follow. */
  private static final int OTHER = -1;
  private static final byte ESCAPED = 1;
  private static final byte MIXED = 2;

  private final Set<Label> joins;
  private final Set<Label> handlers;
  private final ConstructorFacts constructors;

  private int[] stack = new int[16];
  private int height;
  private int[] parent = new int[16];
  private byte[] flags = new byte[16];
  private int nodes;
  /** Node + 1 of each local slot; 0: none yet. */
  private int[] slotNodes = new int[8];
  /** The receiver's node of each access, by access number; OTHER: not followed. */
  private int[] accessNodes = new int[16];
  private int accesses;
  private boolean failed;

  /**
   * @param joins the labels control flow may reach other than by falling through
   * @param handlers the exception handlers' labels
   * @param firstSlots the slots holding {@code this} and the parameters at entry
   * @param constructors what is known of the constructors the method calls
   */
  private ConfinementAnalysis(Set<Label> joins, Set<Label> handlers, int firstSlots,
      ConstructorFacts constructors) {
    super(OpenedClassReader.ASM_API);
    this.joins = joins;
    this.handlers = handlers;
    this.constructors = constructors;
    for (int slot = 0; slot < firstSlots; slot++) flags[slotNode(slot)] |= MIXED;
  }

  /**
   * Runs the analysis over {@code code}, or gives null when it cannot (subroutines).
   *
   * @param followThis whether the value in slot 0 at entry is followed as if created here (a
   *     constructor's {@code this}, to find whether it escapes)
   */
  static ConfinementAnalysis run(RecordedCode code, int access, String descriptor,
      ConstructorFacts constructors, boolean followThis) {
    JoinLabels labels = new JoinLabels();
    code.replay(labels);
    if (labels.subroutines) return null;
    ConfinementAnalysis analysis = new ConfinementAnalysis(labels.joins, labels.handlers,
        parameterSlots(access, descriptor), constructors);
    if (followThis) analysis.follow(0);
    code.replay(analysis);
    return analysis.failed ? null : analysis;
  }

  /** The slots taken by {@code this} (unless static) and the parameters of a method. */
  static int parameterSlots(int access, String descriptor) {
    return (Type.getArgumentsAndReturnSizes(descriptor) >> 2) - ((access & ACC_STATIC) != 0 ? 1 : 0);
  }

  /** The confined accesses by number, or none when the analysis failed. */
  BitSet confined() {
    BitSet confined = new BitSet();
    if (failed) return confined;
    for (int i = 0; i < accesses; i++) {
      int node = accessNodes[i];
      if (node != OTHER && flags[find(node)] == 0) confined.set(i);
    }
    return confined;
  }

  /** Whether the value first in {@code slot} (a constructor's {@code this}) never escaped. */
  boolean keptPrivate(int slot) {
    return !failed && (flags[find(slotNode(slot))] & ESCAPED) == 0;
  }

  private void follow(int slot) {
    flags[find(slotNode(slot))] = 0;
  }

  // ---- nodes --------------------------------------------------------------------------------

  private int newNode() {
    if (nodes == parent.length) {
      parent = Arrays.copyOf(parent, nodes * 2);
      flags = Arrays.copyOf(flags, nodes * 2);
    }
    parent[nodes] = nodes;
    return nodes++;
  }

  private int find(int node) {
    while (parent[node] != node) {
      parent[node] = parent[parent[node]];
      node = parent[node];
    }
    return node;
  }

  private void union(int a, int b) {
    int ra = find(a);
    int rb = find(b);
    if (ra == rb) return;
    parent[ra] = rb;
    flags[rb] |= flags[ra];
  }

  private int slotNode(int slot) {
    if (slot >= slotNodes.length) slotNodes = Arrays.copyOf(slotNodes, Math.max(slot + 1, slotNodes.length * 2));
    if (slotNodes[slot] == 0) slotNodes[slot] = newNode() + 1;
    return slotNodes[slot] - 1;
  }

  private void escape(int value) {
    if (value != OTHER) flags[find(value)] |= ESCAPED;
  }

  private boolean escaped(int value) {
    return (flags[find(value)] & ESCAPED) != 0;
  }

  // ---- the operand stack --------------------------------------------------------------------

  private void push(int value) {
    if (height == stack.length) stack = Arrays.copyOf(stack, height * 2);
    stack[height++] = value;
  }

  private void pushOther(int slots) {
    for (int i = 0; i < slots; i++) push(OTHER);
  }

  /** Below what the simulation knows lie only values it does not follow. */
  private int pop() {
    return height == 0 ? OTHER : stack[--height];
  }

  private void popEscaping(int slots) {
    for (int i = 0; i < slots; i++) escape(pop());
  }

  private void popSlots(int slots) {
    for (int i = 0; i < slots; i++) pop();
  }

  /** Control flow leaves for a join: what is on the stack is met there by other values. */
  private void escapeStack() {
    for (int i = 0; i < height; i++) escape(stack[i]);
  }

  private void access(int receiver) {
    if (accesses == accessNodes.length) accessNodes = Arrays.copyOf(accessNodes, accesses * 2);
    accessNodes[accesses++] = receiver;
  }

  private static int size(String descriptor) {
    char c = descriptor.charAt(0);
    return c == 'J' || c == 'D' ? 2 : c == 'V' ? 0 : 1;
  }

  // ---- instructions -------------------------------------------------------------------------

  @Override
  public void visitInsn(int opcode) {
    switch (opcode) {
      case NOP:
        return;
      case ACONST_NULL: case ICONST_M1: case ICONST_0: case ICONST_1: case ICONST_2:
      case ICONST_3: case ICONST_4: case ICONST_5: case FCONST_0: case FCONST_1: case FCONST_2:
        pushOther(1);
        return;
      case LCONST_0: case LCONST_1: case DCONST_0: case DCONST_1:
        pushOther(2);
        return;
      case IALOAD: case FALOAD: case AALOAD: case BALOAD: case CALOAD: case SALOAD:
        escape(pop());
        access(pop());
        pushOther(1);
        return;
      case LALOAD: case DALOAD:
        escape(pop());
        access(pop());
        pushOther(2);
        return;
      case IASTORE: case FASTORE: case AASTORE: case BASTORE: case CASTORE: case SASTORE:
        popEscaping(2);
        access(pop());
        return;
      case LASTORE: case DASTORE:
        popEscaping(3);
        access(pop());
        return;
      case POP:
        pop();
        return;
      case POP2:
        pop();
        pop();
        return;
      default:
        if (opcode >= DUP && opcode <= SWAP) {
          shuffle(opcode);
        } else {
          other(opcode);
        }
    }
  }

  /** The stack instructions, slot by slot: their effect does not depend on the values' types. */
  private void shuffle(int opcode) {
    int a = pop();
    int b;
    int c;
    switch (opcode) {
      case DUP:
        push(a);
        push(a);
        return;
      case DUP_X1:
        b = pop();
        push(a);
        push(b);
        push(a);
        return;
      case DUP_X2:
        b = pop();
        c = pop();
        push(a);
        push(c);
        push(b);
        push(a);
        return;
      case DUP2:
        b = pop();
        push(b);
        push(a);
        push(b);
        push(a);
        return;
      case DUP2_X1:
        b = pop();
        c = pop();
        push(b);
        push(a);
        push(c);
        push(b);
        push(a);
        return;
      case DUP2_X2:
        b = pop();
        c = pop();
        int d = pop();
        push(b);
        push(a);
        push(d);
        push(c);
        push(b);
        push(a);
        return;
      default: // SWAP
        b = pop();
        push(a);
        push(b);
    }
  }

  /** Arithmetic, conversions, comparisons, returns, throw, monitors and array length. */
  private void other(int opcode) {
    if (opcode >= IADD && opcode <= DREM) {
      int wide = (opcode - IADD) % 2; // I L F D repeat: L and D take two slots each
      popEscaping(wide == 1 ? 4 : 2);
      pushOther(wide == 1 ? 2 : 1);
      return;
    }
    switch (opcode) {
      case INEG: case FNEG: case I2F: case F2I: case I2B: case I2C: case I2S:
        popEscaping(1);
        pushOther(1);
        return;
      case LNEG: case DNEG: case L2D: case D2L:
        popEscaping(2);
        pushOther(2);
        return;
      case ISHL: case ISHR: case IUSHR: case IAND: case IOR: case IXOR: case FCMPL: case FCMPG:
        popEscaping(2);
        pushOther(1);
        return;
      case LSHL: case LSHR: case LUSHR:
        popEscaping(3);
        pushOther(2);
        return;
      case LAND: case LOR: case LXOR:
        popEscaping(4);
        pushOther(2);
        return;
      case I2L: case I2D: case F2L: case F2D:
        popEscaping(1);
        pushOther(2);
        return;
      case L2I: case L2F: case D2I: case D2F:
        popEscaping(2);
        pushOther(1);
        return;
      case LCMP: case DCMPL: case DCMPG:
        popEscaping(4);
        pushOther(1);
        return;
      case ARRAYLENGTH:
        pop(); // reads the length, which never changes: no access
        pushOther(1);
        return;
      case MONITORENTER: case MONITOREXIT:
        // Locking an object shows it to no other code: the monitor hook sees it, not a thread.
        pop();
        return;
      case IRETURN: case FRETURN: case ARETURN: case ATHROW:
        popEscaping(1);
        height = 0;
        return;
      case LRETURN: case DRETURN:
        popEscaping(2);
        height = 0;
        return;
      case RETURN:
        height = 0;
        return;
      default:
        failed = true; // an opcode this table does not know: trust nothing
    }
  }

  @Override
  public void visitIntInsn(int opcode, int operand) {
    if (opcode == NEWARRAY) {
      popEscaping(1);
      push(newNode());
    } else {
      pushOther(1);
    }
  }

  @Override
  public void visitVarInsn(int opcode, int slot) {
    switch (opcode) {
      case ILOAD: case FLOAD:
        pushOther(1);
        return;
      case LLOAD: case DLOAD:
        pushOther(2);
        return;
      case ALOAD:
        push(slotNode(slot));
        return;
      case ISTORE: case FSTORE:
        popEscaping(1);
        return;
      case LSTORE: case DSTORE:
        popEscaping(2);
        return;
      case ASTORE:
        int value = pop();
        if (value == OTHER) {
          flags[find(slotNode(slot))] |= MIXED;
        } else {
          union(value, slotNode(slot));
        }
        return;
      default: // RET
        failed = true;
    }
  }

  @Override
  public void visitTypeInsn(int opcode, String type) {
    switch (opcode) {
      case NEW:
        push(newNode());
        return;
      case ANEWARRAY:
        popEscaping(1);
        push(newNode());
        return;
      case CHECKCAST:
        return; // the same reference stays on the stack
      default: // INSTANCEOF reads the class, which never changes
        pop();
        pushOther(1);
    }
  }

  @Override
  public void visitFieldInsn(int opcode, String owner, String name, String descriptor) {
    int size = size(descriptor);
    switch (opcode) {
      case GETSTATIC:
        pushOther(size);
        return;
      case PUTSTATIC:
        popEscaping(size);
        return;
      case GETFIELD:
        access(pop());
        pushOther(size);
        return;
      default: // PUTFIELD
        popEscaping(size);
        access(pop());
    }
  }

  @Override
  public void visitMethodInsn(int opcode, String owner, String name, String descriptor,
      boolean isInterface) {
    int sizes = Type.getArgumentsAndReturnSizes(descriptor);
    if (opcode == INVOKESTATIC && ArrayKeepingCalls.keepsArgumentsPrivate(owner, name, descriptor)) {
      popSlots((sizes >> 2) - 1);
    } else {
      popEscaping((sizes >> 2) - 1);
    }
    if (opcode != INVOKESTATIC) {
      int receiver = pop();
      boolean keptPrivate = opcode == INVOKESPECIAL && name.equals("<init>")
          && receiver != OTHER && !escaped(receiver)
          && constructors.keepsThisPrivate(owner, descriptor);
      if (!keptPrivate && !ArrayKeepingCalls.isArrayClone(owner, name, descriptor)) {
        escape(receiver);
      }
    }
    if (ArrayKeepingCalls.returnsNewArray(opcode == INVOKESTATIC, owner, name, descriptor)) {
      push(newNode());
    } else {
      pushOther(sizes & 3);
    }
  }

  @Override
  public void visitInvokeDynamicInsn(String name, String descriptor, Handle bootstrapMethodHandle,
      Object... bootstrapMethodArguments) {
    int sizes = Type.getArgumentsAndReturnSizes(descriptor);
    popEscaping((sizes >> 2) - 1);
    pushOther(sizes & 3);
  }

  @Override
  public void visitJumpInsn(int opcode, Label label) {
    switch (opcode) {
      case IFEQ: case IFNE: case IFLT: case IFGE: case IFGT: case IFLE:
        popEscaping(1);
        break;
      case IFNULL: case IFNONNULL:
        pop(); // compares the reference only
        break;
      case IF_ICMPEQ: case IF_ICMPNE: case IF_ICMPLT: case IF_ICMPGE: case IF_ICMPGT:
      case IF_ICMPLE:
        popEscaping(2);
        break;
      case IF_ACMPEQ: case IF_ACMPNE:
        pop();
        pop();
        break;
      case GOTO:
        break;
      default: // JSR
        failed = true;
        return;
    }
    escapeStack();
    if (opcode == GOTO) height = 0;
  }

  @Override
  public void visitLabel(Label label) {
    if (!joins.contains(label)) return;
    escapeStack();
    if (handlers.contains(label)) {
      height = 0;
      pushOther(1); // the exception
    }
  }

  @Override
  public void visitLdcInsn(Object value) {
    boolean wide = value instanceof Long || value instanceof Double
        || value instanceof ConstantDynamic && ((ConstantDynamic) value).getSize() == 2;
    pushOther(wide ? 2 : 1);
  }

  @Override
  public void visitTableSwitchInsn(int min, int max, Label dflt, Label... labels) {
    popEscaping(1);
    escapeStack();
    height = 0;
  }

  @Override
  public void visitLookupSwitchInsn(Label dflt, int[] keys, Label[] labels) {
    popEscaping(1);
    escapeStack();
    height = 0;
  }

  @Override
  public void visitMultiANewArrayInsn(String descriptor, int numDimensions) {
    popEscaping(numDimensions);
    push(newNode());
  }
}

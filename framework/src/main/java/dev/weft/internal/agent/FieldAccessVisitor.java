package dev.weft.internal.agent;

import static net.bytebuddy.jar.asm.Opcodes.AALOAD;
import static net.bytebuddy.jar.asm.Opcodes.AASTORE;
import static net.bytebuddy.jar.asm.Opcodes.ANEWARRAY;
import static net.bytebuddy.jar.asm.Opcodes.BALOAD;
import static net.bytebuddy.jar.asm.Opcodes.BASTORE;
import static net.bytebuddy.jar.asm.Opcodes.CALOAD;
import static net.bytebuddy.jar.asm.Opcodes.CASTORE;
import static net.bytebuddy.jar.asm.Opcodes.DALOAD;
import static net.bytebuddy.jar.asm.Opcodes.DASTORE;
import static net.bytebuddy.jar.asm.Opcodes.DUP;
import static net.bytebuddy.jar.asm.Opcodes.DUP2;
import static net.bytebuddy.jar.asm.Opcodes.DUP2_X1;
import static net.bytebuddy.jar.asm.Opcodes.DUP_X2;
import static net.bytebuddy.jar.asm.Opcodes.FALOAD;
import static net.bytebuddy.jar.asm.Opcodes.FASTORE;
import static net.bytebuddy.jar.asm.Opcodes.GETFIELD;
import static net.bytebuddy.jar.asm.Opcodes.GETSTATIC;
import static net.bytebuddy.jar.asm.Opcodes.IALOAD;
import static net.bytebuddy.jar.asm.Opcodes.IASTORE;
import static net.bytebuddy.jar.asm.Opcodes.INVOKESPECIAL;
import static net.bytebuddy.jar.asm.Opcodes.INVOKESTATIC;
import static net.bytebuddy.jar.asm.Opcodes.LALOAD;
import static net.bytebuddy.jar.asm.Opcodes.LASTORE;
import static net.bytebuddy.jar.asm.Opcodes.NEW;
import static net.bytebuddy.jar.asm.Opcodes.NEWARRAY;
import static net.bytebuddy.jar.asm.Opcodes.POP;
import static net.bytebuddy.jar.asm.Opcodes.POP2;
import static net.bytebuddy.jar.asm.Opcodes.PUTFIELD;
import static net.bytebuddy.jar.asm.Opcodes.PUTSTATIC;
import static net.bytebuddy.jar.asm.Opcodes.SALOAD;
import static net.bytebuddy.jar.asm.Opcodes.SASTORE;

import java.util.ArrayList;
import java.util.Map;
import net.bytebuddy.jar.asm.Handle;
import net.bytebuddy.jar.asm.Label;
import net.bytebuddy.jar.asm.MethodVisitor;
import net.bytebuddy.utility.OpenedClassReader;

/**
 * Puts a hook before every access of application code to a plain field (neither final nor
 * volatile) or an array element, and after every object or array it creates (for "created at" in
 * race reports). The runtime decides there whether another thread may run and whether the access
 * races.
 *
 * <p>A field access stays where it is, since only the class itself may have access to the field;
 * its hook gets copies of the holder and of the value written from the operand stack. Array
 * stores become calls of {@code Hooks.writeElement}, which makes the store; array loads keep their
 * instruction, whose result the verifier types by the array's static type. Nothing here adds a
 * branch or a local, so the original stack map frames stay valid and class files without frames
 * (before Java 6) need none.
 *
 * <p>Not rewritten: class initializers (the runtime checks nothing inside class initialization,
 * where the JVM orders every access before the class's first use), field accesses in a
 * constructor before its {@code super(...)} or {@code this(...)} call, where {@code this} is
 * still uninitialized and may not be passed to a hook, and accesses that {@link ConfinedAccesses}
 * names: to an object or array the same invocation created and no other thread can see.
 */
final class FieldAccessVisitor extends MethodVisitor {
  private final TypeFacts facts;
  private final SiteNamer sites;
  private final Map<String, FieldFacts> ownFields;
  private final String ownerInternalName;
  private final boolean enabled;
  /** In a constructor, until its super(...) or this(...) call: {@code this} is uninitialized. */
  private boolean beforeSuperCall;
  /** The {@code new} instructions whose constructor call has not come yet, innermost last. */
  private final ArrayList<PendingNew> pendingNews = new ArrayList<>();
  /** The instruction just visited was a {@code new}. */
  private boolean justCreated;
  /** A coverage agent's probe stores, which are never checked. */
  private final CoverageProbes coverageProbes = new CoverageProbes();
  /** The accesses to objects and arrays no other thread can see, asked once per access. */
  private final ConfinedAccesses confined;

  private static final class PendingNew {
    final String type;
    boolean duplicated;

    PendingNew(String type) {
      this.type = type;
    }
  }

  FieldAccessVisitor(MethodVisitor mv, TypeFacts facts, SiteNamer sites,
      String ownerInternalName, Map<String, FieldFacts> ownFields, String methodName,
      ConfinedAccesses confined) {
    super(OpenedClassReader.ASM_API, mv);
    this.confined = confined;
    this.facts = facts;
    this.sites = sites;
    this.ownerInternalName = ownerInternalName;
    this.ownFields = ownFields;
    this.enabled = !methodName.equals("<clinit>");
    this.beforeSuperCall = methodName.equals("<init>");
  }

  private void hook(HookMethod hook) {
    super.visitMethodInsn(INVOKESTATIC, HookMethod.OWNER, hook.hookName, hook.descriptor, false);
  }

  private void pushSite() {
    super.visitLdcInsn(sites.current());
  }

  /** The field an instruction names, when it is a plain one the race detector tracks. */
  private FieldFacts tracked(String owner, String name) {
    if (owner.startsWith("java/") || owner.startsWith("jdk/")) return null;
    FieldFacts field = owner.equals(ownerInternalName) ? ownFields.get(name) : null;
    if (field == null) field = FieldFacts.resolve(facts, owner, name);
    return field != null && field.isTracked() ? field : null;
  }

  @Override
  public void visitFieldInsn(int opcode, String owner, String name, String descriptor) {
    justCreated = false;
    coverageProbes.other();
    boolean instance = opcode == GETFIELD || opcode == PUTFIELD;
    boolean confinedAccess = instance && confined.nextIsConfined();
    FieldFacts field = enabled && !confinedAccess ? tracked(owner, name) : null;
    if (field == null || (instance && beforeSuperCall)) {
      super.visitFieldInsn(opcode, owner, name, descriptor);
      return;
    }
    boolean wide = descriptor.equals("J") || descriptor.equals("D");
    switch (opcode) {
      case GETFIELD:
        super.visitInsn(DUP);
        pushIds(field);
        hook(HookMethod.READ_FIELD);
        break;
      case GETSTATIC:
        pushIds(field);
        hook(HookMethod.READ_STATIC);
        break;
      case PUTFIELD:
        if (wide) {
          // [holder, value] to [holder, holder, value]: a two-slot value cannot be copied from
          // under its holder, so the hook takes it and gives it back.
          super.visitInsn(DUP2_X1);
          super.visitInsn(POP2);
          super.visitInsn(DUP_X2);
          super.visitInsn(DUP_X2);
          super.visitInsn(POP);
          pushIds(field);
          hook(descriptor.equals("J") ? HookMethod.WRITE_LONG_FIELD
              : HookMethod.WRITE_DOUBLE_FIELD);
        } else {
          super.visitInsn(DUP2);
          pushIds(field);
          hook(fieldWrite(descriptor));
        }
        break;
      default: // PUTSTATIC
        super.visitInsn(wide ? DUP2 : DUP);
        pushIds(field);
        hook(staticWrite(descriptor));
        break;
    }
    super.visitFieldInsn(opcode, owner, name, descriptor);
  }

  private void pushIds(FieldFacts field) {
    super.visitLdcInsn(field.id());
    pushSite();
  }

  /** The hook for a one-slot value of {@code descriptor} (booleans to shorts are ints there). */
  private static HookMethod fieldWrite(String descriptor) {
    switch (descriptor.charAt(0)) {
      case 'F':
        return HookMethod.WRITE_FLOAT_FIELD;
      case 'L':
      case '[':
        return HookMethod.WRITE_REFERENCE_FIELD;
      default:
        return HookMethod.WRITE_INT_FIELD;
    }
  }

  private static HookMethod staticWrite(String descriptor) {
    switch (descriptor.charAt(0)) {
      case 'J':
        return HookMethod.WRITE_LONG_STATIC;
      case 'F':
        return HookMethod.WRITE_FLOAT_STATIC;
      case 'D':
        return HookMethod.WRITE_DOUBLE_STATIC;
      case 'L':
      case '[':
        return HookMethod.WRITE_REFERENCE_STATIC;
      default:
        return HookMethod.WRITE_INT_STATIC;
    }
  }

  @Override
  public void visitInsn(int opcode) {
    boolean duplicatesNew = justCreated && opcode == DUP;
    justCreated = false;
    if (duplicatesNew) pendingNews.get(pendingNews.size() - 1).duplicated = true;
    boolean confinedAccess = isArrayAccess(opcode) && confined.nextIsConfined();
    if (!enabled || coverageProbes.isProbeStore(opcode) || confinedAccess) {
      super.visitInsn(opcode);
      return;
    }
    switch (opcode) {
      case IALOAD:
      case LALOAD:
      case FALOAD:
      case DALOAD:
      case AALOAD:
      case BALOAD:
      case CALOAD:
      case SALOAD:
        super.visitInsn(DUP2);
        pushSite();
        hook(HookMethod.READ_ELEMENT);
        super.visitInsn(opcode);
        return;
      case IASTORE:
        store(HookMethod.WRITE_INT_ELEMENT);
        return;
      case LASTORE:
        store(HookMethod.WRITE_LONG_ELEMENT);
        return;
      case FASTORE:
        store(HookMethod.WRITE_FLOAT_ELEMENT);
        return;
      case DASTORE:
        store(HookMethod.WRITE_DOUBLE_ELEMENT);
        return;
      case CASTORE:
        store(HookMethod.WRITE_CHAR_ELEMENT);
        return;
      case SASTORE:
        store(HookMethod.WRITE_SHORT_ELEMENT);
        return;
      case BASTORE:
        store(HookMethod.WRITE_BYTE_OR_BOOLEAN_ELEMENT);
        return;
      case AASTORE:
        store(HookMethod.WRITE_REFERENCE_ELEMENT);
        return;
      default:
        super.visitInsn(opcode);
    }
  }

  private static boolean isArrayAccess(int opcode) {
    return (opcode >= IALOAD && opcode <= SALOAD) || (opcode >= IASTORE && opcode <= SASTORE);
  }

  /** Replaces an array store by the hook that checks it and makes it. */
  private void store(HookMethod hook) {
    pushSite();
    hook(hook);
  }

  @Override
  public void visitTypeInsn(int opcode, String type) {
    justCreated = false;
    coverageProbes.typeInsn(opcode, type);
    super.visitTypeInsn(opcode, type);
    if (opcode == NEW) {
      pendingNews.add(new PendingNew(type));
      justCreated = true;
    } else if (opcode == ANEWARRAY) {
      arrayCreated();
    }
  }

  @Override
  public void visitIntInsn(int opcode, int operand) {
    justCreated = false;
    if (opcode == NEWARRAY) {
      coverageProbes.other();
    } else {
      coverageProbes.intPushed();
    }
    super.visitIntInsn(opcode, operand);
    if (opcode == NEWARRAY) arrayCreated();
  }

  @Override
  public void visitMultiANewArrayInsn(String descriptor, int numDimensions) {
    justCreated = false;
    coverageProbes.other();
    super.visitMultiANewArrayInsn(descriptor, numDimensions);
    arrayCreated();
  }

  private void arrayCreated() {
    if (!enabled) return;
    super.visitInsn(DUP);
    pushSite();
    hook(HookMethod.CREATED);
  }

  @Override
  public void visitMethodInsn(int opcode, String owner, String name, String descriptor,
      boolean isInterface) {
    justCreated = false;
    coverageProbes.methodCall(opcode, name, descriptor);
    super.visitMethodInsn(opcode, owner, name, descriptor, isInterface);
    if (opcode != INVOKESPECIAL || !name.equals("<init>")) return;
    if (pendingNews.isEmpty()) {
      // The constructor's own super(...) or this(...): from here on, this is initialized.
      beforeSuperCall = false;
      return;
    }
    PendingNew created = pendingNews.remove(pendingNews.size() - 1);
    if (!created.type.equals(owner)) {
      // Not the shape javac and other compilers give: track no creation in this method.
      pendingNews.clear();
      return;
    }
    if (enabled && created.duplicated
        && InstrumentationScope.isApplicationClass(owner.replace('/', '.'))) {
      super.visitInsn(DUP);
      pushSite();
      hook(HookMethod.CREATED);
    }
  }

  @Override
  public void visitVarInsn(int opcode, int var) {
    justCreated = false;
    coverageProbes.varInsn(opcode, var);
    super.visitVarInsn(opcode, var);
  }

  @Override
  public void visitJumpInsn(int opcode, Label label) {
    justCreated = false;
    coverageProbes.other();
    super.visitJumpInsn(opcode, label);
  }

  @Override
  public void visitLdcInsn(Object value) {
    justCreated = false;
    if (value instanceof Integer) {
      coverageProbes.intPushed();
    } else {
      coverageProbes.constantLoaded(value);
    }
    super.visitLdcInsn(value);
  }

  @Override
  public void visitIincInsn(int var, int increment) {
    justCreated = false;
    coverageProbes.other();
    super.visitIincInsn(var, increment);
  }

  @Override
  public void visitInvokeDynamicInsn(String name, String descriptor, Handle bootstrapMethodHandle,
      Object... bootstrapMethodArguments) {
    justCreated = false;
    coverageProbes.other();
    super.visitInvokeDynamicInsn(name, descriptor, bootstrapMethodHandle,
        bootstrapMethodArguments);
  }

  @Override
  public void visitTableSwitchInsn(int min, int max, Label dflt, Label... labels) {
    justCreated = false;
    coverageProbes.other();
    super.visitTableSwitchInsn(min, max, dflt, labels);
  }

  @Override
  public void visitLookupSwitchInsn(Label dflt, int[] keys, Label[] labels) {
    justCreated = false;
    coverageProbes.other();
    super.visitLookupSwitchInsn(dflt, keys, labels);
  }
}

package dev.weft.internal.agent;

import static net.bytebuddy.jar.asm.Opcodes.ACC_PRIVATE;
import static net.bytebuddy.jar.asm.Opcodes.ACC_STATIC;
import static net.bytebuddy.jar.asm.Opcodes.ACC_SYNTHETIC;
import static net.bytebuddy.jar.asm.Opcodes.ALOAD;
import static net.bytebuddy.jar.asm.Opcodes.ASTORE;
import static net.bytebuddy.jar.asm.Opcodes.ATHROW;
import static net.bytebuddy.jar.asm.Opcodes.F_NEW;
import static net.bytebuddy.jar.asm.Opcodes.ILOAD;
import static net.bytebuddy.jar.asm.Opcodes.INVOKEINTERFACE;
import static net.bytebuddy.jar.asm.Opcodes.INVOKESPECIAL;
import static net.bytebuddy.jar.asm.Opcodes.INVOKESTATIC;
import static net.bytebuddy.jar.asm.Opcodes.INVOKEVIRTUAL;
import static net.bytebuddy.jar.asm.Opcodes.IRETURN;
import static net.bytebuddy.jar.asm.Opcodes.V1_6;
import static net.bytebuddy.jar.asm.Opcodes.V9;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import net.bytebuddy.jar.asm.ClassVisitor;
import net.bytebuddy.jar.asm.Label;
import net.bytebuddy.jar.asm.MethodVisitor;
import net.bytebuddy.jar.asm.Opcodes;
import net.bytebuddy.jar.asm.Type;

/**
 * Models the monitor of a synchronized JDK method at the application's call: such a call is
 * replaced by a call to a private static helper added to the calling class, which tells the
 * runtime before the call (a scheduling point, where the thread may wait for the monitor in the
 * model) and after it returns or throws. A retransformed JDK class keeps its {@code
 * ACC_SYNCHRONIZED} flag, whose monitor the JVM takes before the method's first instruction: the
 * call site is the last place where the acquisition can still be seen coming.
 *
 * <p>Which calls qualify is decided from the bytes alone (the signature and, for a JDK receiver
 * type, its place in the JDK's hierarchy), so that a class transformed again gets the same helpers:
 * a retransformation must not add methods. Whether the receiver's method really is synchronized is
 * decided at run time for its class ({@link SynchronizedJdkMethods#resolvesToSynchronized}): an
 * application override without {@code synchronized} takes no monitor and none is modelled.
 *
 * <p>The helper's frame is written out, never computed. One helper serves every call of the same
 * kind in the class.
 */
final class MonitorCallHelpers {
  /** The signature id a helper passes when the call's target is known to be synchronized. */
  static final int KNOWN_SYNCHRONIZED = -1;
  static final String PREFIX = "weft$monitorCall$";
  /** Only to measure what the helpers cost (bench/MonitorCallBenchmark); never for users. */
  private static final boolean DISABLED = Boolean.getBoolean("weft.internal.noMonitorCallHelpers");

  private record Helper(String name, String descriptor, int opcode, String owner, String method,
      String methodDescriptor, boolean ownerIsInterface, int signature) {}

  private final String classInternalName;
  private final boolean classIsInterface;
  private final int classFileVersion;
  private final TypeFacts facts;
  private final Map<String, Helper> helpers = new LinkedHashMap<>();

  private MonitorCallHelpers(String classInternalName, boolean classIsInterface,
      int classFileVersion, TypeFacts facts) {
    this.classInternalName = classInternalName;
    this.classIsInterface = classIsInterface;
    this.classFileVersion = classFileVersion;
    this.facts = facts;
  }

  /**
   * Helpers for one class being transformed at load time, or null where none can be added: an
   * interface needs private static methods (Java 9 class files).
   */
  static MonitorCallHelpers forClass(String internalName, int access, int classFileVersion,
      TypeFacts facts) {
    if (DISABLED) return null;
    boolean isInterface = (access & Opcodes.ACC_INTERFACE) != 0;
    if (isInterface && classFileVersion < V9) return null;
    return new MonitorCallHelpers(internalName, isInterface, classFileVersion, facts);
  }

  /**
   * Emits the call that replaces {@code opcode owner.name descriptor} (the site id is pushed
   * first), or returns false when the call may not reach a synchronized JDK method.
   */
  boolean replace(MethodVisitor mv, int opcode, String owner, String name, String descriptor,
      boolean isInterface, int site) {
    Helper helper = helperFor(opcode, owner, name, descriptor, isInterface);
    if (helper == null) return false;
    mv.visitLdcInsn(site);
    mv.visitMethodInsn(INVOKESTATIC, classInternalName, helper.name, helper.descriptor,
        classIsInterface);
    return true;
  }

  private Helper helperFor(int opcode, String owner, String name, String descriptor,
      boolean isInterface) {
    if (owner.startsWith("[")) return null;
    int signature = SynchronizedJdkMethods.id(name, descriptor);
    if (signature < 0) return null;
    String receiverType;
    if (opcode == INVOKEVIRTUAL || opcode == INVOKEINTERFACE) {
      if (!mayReachDeclaringClass(owner, signature)) return null;
      receiverType = owner;
    } else if (opcode == INVOKESPECIAL && !name.equals("<init>")
        && !owner.equals(classInternalName)) {
      // super.m(): the target is the superclass's method, known now.
      if (!facts.superCallReachesSynchronizedJdkMethod(owner, name, descriptor)) return null;
      signature = KNOWN_SYNCHRONIZED;
      receiverType = classInternalName;
    } else {
      return null;
    }
    String key = opcode + " " + owner + "." + name + descriptor;
    Helper known = helpers.get(key);
    if (known != null) return known;
    Type method = Type.getMethodType(descriptor);
    StringBuilder helperDescriptor = new StringBuilder("(L").append(receiverType).append(';');
    for (Type argument : method.getArgumentTypes()) {
      helperDescriptor.append(argument.getDescriptor());
    }
    helperDescriptor.append("I)").append(method.getReturnType().getDescriptor());
    Helper helper = new Helper(PREFIX + helpers.size(), helperDescriptor.toString(), opcode, owner,
        name, descriptor, isInterface, signature);
    helpers.put(key, helper);
    return helper;
  }

  /** Whether a receiver typed {@code owner} can be an instance of a class declaring the method. */
  private boolean mayReachDeclaringClass(String owner, int signature) {
    if (!isJdk(owner)) return true;
    List<String> declaring = SynchronizedJdkMethods.declaredIn(signature);
    return declaring.contains(owner) || SynchronizedJdkMethods.isSupertypeOfDeclaring(owner)
        || facts.isJdkSubtypeOfAny(owner, declaring);
  }

  private static boolean isJdk(String internalName) {
    return internalName.startsWith("java/") || internalName.startsWith("javax/")
        || internalName.startsWith("jdk/") || internalName.startsWith("sun/");
  }

  /** Adds the helpers the class's methods called; before {@code visitEnd}. */
  void addTo(ClassVisitor cv) {
    for (Helper helper : helpers.values()) write(cv, helper);
  }

  private void write(ClassVisitor cv, Helper helper) {
    MethodVisitor mv = cv.visitMethod(ACC_PRIVATE | ACC_STATIC | ACC_SYNTHETIC, helper.name,
        helper.descriptor, null, null);
    Type helperType = Type.getMethodType(helper.descriptor);
    Type[] parameters = helperType.getArgumentTypes();
    int siteSlot = 0;
    for (int i = 0; i < parameters.length - 1; i++) siteSlot += parameters[i].getSize();
    int tokenSlot = siteSlot + 1;
    Label callStart = new Label();
    Label callEnd = new Label();
    Label handler = new Label();
    mv.visitCode();
    mv.visitTryCatchBlock(callStart, callEnd, handler, null);
    mv.visitVarInsn(ALOAD, 0);
    mv.visitLdcInsn(helper.signature);
    mv.visitVarInsn(ILOAD, siteSlot);
    HookMethod begins = HookMethod.SYNCHRONIZED_CALL_BEGINS;
    mv.visitMethodInsn(INVOKESTATIC, HookMethod.OWNER, begins.hookName, begins.descriptor, false);
    mv.visitVarInsn(ASTORE, tokenSlot);
    mv.visitLabel(callStart);
    int slot = 0;
    for (int i = 0; i < parameters.length - 1; i++) {
      mv.visitVarInsn(parameters[i].getOpcode(ILOAD), slot);
      slot += parameters[i].getSize();
    }
    mv.visitMethodInsn(helper.opcode, helper.owner, helper.method, helper.methodDescriptor,
        helper.ownerIsInterface);
    mv.visitLabel(callEnd);
    callEnds(mv, siteSlot, tokenSlot);
    mv.visitInsn(helperType.getReturnType().getOpcode(IRETURN));
    mv.visitLabel(handler);
    if (classFileVersion >= V1_6) {
      List<Object> locals = new ArrayList<>();
      for (int i = 0; i < parameters.length; i++) locals.add(frameType(parameters[i]));
      locals.add("java/lang/Object");
      mv.visitFrame(F_NEW, locals.size(), locals.toArray(), 1,
          new Object[] {"java/lang/Throwable"});
    }
    callEnds(mv, siteSlot, tokenSlot);
    mv.visitInsn(ATHROW);
    mv.visitMaxs(0, 0);
    mv.visitEnd();
  }

  private static void callEnds(MethodVisitor mv, int siteSlot, int tokenSlot) {
    mv.visitVarInsn(ALOAD, tokenSlot);
    mv.visitVarInsn(ILOAD, siteSlot);
    HookMethod ends = HookMethod.SYNCHRONIZED_CALL_ENDS;
    mv.visitMethodInsn(INVOKESTATIC, HookMethod.OWNER, ends.hookName, ends.descriptor, false);
  }

  private static Object frameType(Type type) {
    switch (type.getSort()) {
      case Type.BOOLEAN:
      case Type.CHAR:
      case Type.BYTE:
      case Type.SHORT:
      case Type.INT:
        return Opcodes.INTEGER;
      case Type.FLOAT:
        return Opcodes.FLOAT;
      case Type.LONG:
        return Opcodes.LONG;
      case Type.DOUBLE:
        return Opcodes.DOUBLE;
      case Type.ARRAY:
        return type.getDescriptor();
      default:
        return type.getInternalName();
    }
  }
}

package dev.weft.agent;

import static net.bytebuddy.jar.asm.Opcodes.ACC_PUBLIC;
import static net.bytebuddy.jar.asm.Opcodes.ACC_STATIC;
import static net.bytebuddy.jar.asm.Opcodes.ACC_SUPER;
import static net.bytebuddy.jar.asm.Opcodes.ACC_SYNCHRONIZED;
import static net.bytebuddy.jar.asm.Opcodes.ACC_VOLATILE;
import static net.bytebuddy.jar.asm.Opcodes.ALOAD;
import static net.bytebuddy.jar.asm.Opcodes.ASTORE;
import static net.bytebuddy.jar.asm.Opcodes.ATHROW;
import static net.bytebuddy.jar.asm.Opcodes.CHECKCAST;
import static net.bytebuddy.jar.asm.Opcodes.DUP;
import static net.bytebuddy.jar.asm.Opcodes.GETFIELD;
import static net.bytebuddy.jar.asm.Opcodes.GETSTATIC;
import static net.bytebuddy.jar.asm.Opcodes.IADD;
import static net.bytebuddy.jar.asm.Opcodes.ICONST_0;
import static net.bytebuddy.jar.asm.Opcodes.ICONST_1;
import static net.bytebuddy.jar.asm.Opcodes.ILOAD;
import static net.bytebuddy.jar.asm.Opcodes.INVOKEINTERFACE;
import static net.bytebuddy.jar.asm.Opcodes.INVOKESPECIAL;
import static net.bytebuddy.jar.asm.Opcodes.INVOKESTATIC;
import static net.bytebuddy.jar.asm.Opcodes.INVOKEVIRTUAL;
import static net.bytebuddy.jar.asm.Opcodes.ISTORE;
import static net.bytebuddy.jar.asm.Opcodes.JSR;
import static net.bytebuddy.jar.asm.Opcodes.MONITORENTER;
import static net.bytebuddy.jar.asm.Opcodes.MONITOREXIT;
import static net.bytebuddy.jar.asm.Opcodes.POP;
import static net.bytebuddy.jar.asm.Opcodes.PUTFIELD;
import static net.bytebuddy.jar.asm.Opcodes.PUTSTATIC;
import static net.bytebuddy.jar.asm.Opcodes.RET;
import static net.bytebuddy.jar.asm.Opcodes.RETURN;

import java.util.HashMap;
import java.util.Map;
import net.bytebuddy.jar.asm.ClassWriter;
import net.bytebuddy.jar.asm.Label;
import net.bytebuddy.jar.asm.MethodVisitor;

/**
 * Class files made byte by byte for the agent tests: shapes that compilers of another era or
 * run-time generators produce and that {@code javac} today does not (version 47-49 class files,
 * JSR/RET subroutines, classes with no class file on the class path).
 */
final class HandMadeClasses {
  private HandMadeClasses() {}

  static final String PACKAGE = "dev/weft/agent/gen/";

  /** Defines classes from bytes; it has no resources, as run-time generators' loaders. */
  static final class DefiningLoader extends ClassLoader {
    private final Map<String, byte[]> pending = new HashMap<>();

    DefiningLoader() {
      super(HandMadeClasses.class.getClassLoader());
    }

    Class<?> define(String internalName, byte[] bytes) {
      String name = internalName.replace('/', '.');
      pending.put(name, bytes);
      try {
        return loadClass(name);
      } catch (ClassNotFoundException e) {
        throw new IllegalStateException(e);
      }
    }

    @Override
    protected Class<?> findClass(String name) throws ClassNotFoundException {
      byte[] bytes = pending.remove(name);
      if (bytes == null) throw new ClassNotFoundException(name);
      return defineClass(name, bytes, 0, bytes.length);
    }
  }

  /**
   * A counter as a Java 1.4 compiler would leave it, with {@code public static int value}:
   * {@code static synchronized void add()} and {@code static void addUnsafe()} read the value,
   * yield, and write it back plus one; {@code static void reset()}.
   */
  static byte[] oldCounter(String internalName, int version) {
    ClassWriter cw = new ClassWriter(ClassWriter.COMPUTE_MAXS);
    cw.visit(version, ACC_PUBLIC | ACC_SUPER, internalName, null, "java/lang/Object", null);
    cw.visitSource("OldCounter.java", null);
    cw.visitField(ACC_PUBLIC | ACC_STATIC, "value", "I", null, null).visitEnd();
    constructor(cw, "java/lang/Object");
    readYieldWrite(cw, internalName, "add", ACC_PUBLIC | ACC_STATIC | ACC_SYNCHRONIZED);
    readYieldWrite(cw, internalName, "addUnsafe", ACC_PUBLIC | ACC_STATIC);
    MethodVisitor reset = cw.visitMethod(ACC_PUBLIC | ACC_STATIC, "reset", "()V", null, null);
    reset.visitCode();
    reset.visitInsn(ICONST_0);
    reset.visitFieldInsn(PUTSTATIC, internalName, "value", "I");
    reset.visitInsn(RETURN);
    reset.visitMaxs(0, 0);
    reset.visitEnd();
    cw.visitEnd();
    return cw.toByteArray();
  }

  private static void readYieldWrite(ClassWriter cw, String owner, String name, int access) {
    MethodVisitor mv = cw.visitMethod(access, name, "()V", null, null);
    mv.visitCode();
    line(mv, 10);
    mv.visitFieldInsn(GETSTATIC, owner, "value", "I");
    mv.visitVarInsn(ISTORE, 0);
    mv.visitMethodInsn(INVOKESTATIC, "java/lang/Thread", "yield", "()V", false);
    mv.visitVarInsn(ILOAD, 0);
    mv.visitInsn(ICONST_1);
    mv.visitInsn(IADD);
    mv.visitFieldInsn(PUTSTATIC, owner, "value", "I");
    mv.visitInsn(RETURN);
    mv.visitMaxs(0, 0);
    mv.visitEnd();
  }

  /**
   * A class with a try/finally compiled to a JSR/RET subroutine, as {@code javac -target 1.4} did:
   * {@code public synchronized void lockBoth(Object other)} takes its own monitor, then {@code
   * other}'s (yielding in between), in a {@code try} whose {@code finally} yields once more.
   */
  static byte[] subroutineLocker(String internalName, int version) {
    ClassWriter cw = new ClassWriter(ClassWriter.COMPUTE_MAXS);
    cw.visit(version, ACC_PUBLIC | ACC_SUPER, internalName, null, "java/lang/Object", null);
    cw.visitSource("SubroutineLocker.java", null);
    constructor(cw, "java/lang/Object");
    MethodVisitor grab = cw.visitMethod(ACC_PUBLIC | ACC_STATIC, "grab", "(Ljava/lang/Object;)V",
        null, null);
    grab.visitCode();
    line(grab, 20);
    grab.visitVarInsn(ALOAD, 0);
    grab.visitInsn(MONITORENTER);
    grab.visitMethodInsn(INVOKESTATIC, "java/lang/Thread", "yield", "()V", false);
    grab.visitVarInsn(ALOAD, 0);
    grab.visitInsn(MONITOREXIT);
    grab.visitInsn(RETURN);
    grab.visitMaxs(0, 0);
    grab.visitEnd();

    MethodVisitor mv = cw.visitMethod(ACC_PUBLIC | ACC_SYNCHRONIZED, "lockBoth",
        "(Ljava/lang/Object;)V", null, null);
    Label tryStart = new Label();
    Label tryEnd = new Label();
    Label handler = new Label();
    Label subroutine = new Label();
    mv.visitCode();
    mv.visitTryCatchBlock(tryStart, tryEnd, handler, null);
    line(mv, 30);
    mv.visitMethodInsn(INVOKESTATIC, "java/lang/Thread", "yield", "()V", false);
    mv.visitLabel(tryStart);
    line(mv, 31);
    mv.visitVarInsn(ALOAD, 1);
    mv.visitMethodInsn(INVOKESTATIC, internalName, "grab", "(Ljava/lang/Object;)V", false);
    mv.visitLabel(tryEnd);
    mv.visitJumpInsn(JSR, subroutine);
    mv.visitInsn(RETURN);
    mv.visitLabel(handler);
    mv.visitVarInsn(ASTORE, 2);
    mv.visitJumpInsn(JSR, subroutine);
    mv.visitVarInsn(ALOAD, 2);
    mv.visitInsn(ATHROW);
    mv.visitLabel(subroutine);
    line(mv, 33);
    mv.visitVarInsn(ASTORE, 3);
    mv.visitMethodInsn(INVOKESTATIC, "java/lang/Thread", "yield", "()V", false);
    mv.visitVarInsn(RET, 3);
    mv.visitMaxs(0, 0);
    mv.visitEnd();
    cw.visitEnd();
    return cw.toByteArray();
  }

  /** {@code public class <name> extends Thread}, with a no-argument constructor. */
  static byte[] generatedThreadBase(String internalName) {
    ClassWriter cw = new ClassWriter(ClassWriter.COMPUTE_MAXS);
    cw.visit(61, ACC_PUBLIC | ACC_SUPER, internalName, null, "java/lang/Thread", null);
    constructor(cw, "java/lang/Thread");
    cw.visitEnd();
    return cw.toByteArray();
  }

  /**
   * {@code public class <name> extends <base>} whose {@code run()} joins the thread given to
   * {@code setOther(<base>)}, typed as the generated base (so only a loaded class tells that it is
   * a thread), inside a {@code synchronized} method.
   */
  static byte[] generatedJoiner(String internalName, String baseInternalName) {
    ClassWriter cw = new ClassWriter(ClassWriter.COMPUTE_MAXS);
    cw.visit(61, ACC_PUBLIC | ACC_SUPER, internalName, null, baseInternalName, null);
    cw.visitSource("Joiner.java", null);
    String baseType = "L" + baseInternalName + ";";
    cw.visitField(ACC_PUBLIC, "other", baseType, null, null).visitEnd();
    constructor(cw, baseInternalName);
    MethodVisitor set = cw.visitMethod(ACC_PUBLIC | ACC_SYNCHRONIZED, "setOther",
        "(" + baseType + ")V", null, null);
    set.visitCode();
    set.visitVarInsn(ALOAD, 0);
    set.visitVarInsn(ALOAD, 1);
    set.visitFieldInsn(PUTFIELD, internalName, "other", baseType);
    set.visitInsn(RETURN);
    set.visitMaxs(0, 0);
    set.visitEnd();
    MethodVisitor run = cw.visitMethod(ACC_PUBLIC, "run", "()V", null, null);
    run.visitCode();
    line(run, 40);
    run.visitVarInsn(ALOAD, 0);
    run.visitFieldInsn(GETFIELD, internalName, "other", baseType);
    run.visitMethodInsn(INVOKEVIRTUAL, baseInternalName, "join", "()V", false);
    run.visitInsn(RETURN);
    run.visitMaxs(0, 0);
    run.visitEnd();
    cw.visitEnd();
    return cw.toByteArray();
  }

  /**
   * A {@code BiConsumer<Map, Object>} whose {@code accept} puts the key under {@code synchronized
   * (this)}, and a method so long that Weft's hooks push it past the 64 KiB a method may have:
   * Weft cannot instrument this class.
   */
  static byte[] tooLongToInstrument(String internalName) {
    ClassWriter cw = new ClassWriter(ClassWriter.COMPUTE_MAXS);
    cw.visit(61, ACC_PUBLIC | ACC_SUPER, internalName, null, "java/lang/Object",
        new String[] {"java/util/function/BiConsumer"});
    cw.visitSource("GuardedPool.java", null);
    cw.visitField(ACC_PUBLIC | ACC_STATIC | ACC_VOLATILE, "flag", "I", null, null).visitEnd();
    constructor(cw, "java/lang/Object");
    MethodVisitor accept = cw.visitMethod(ACC_PUBLIC, "accept",
        "(Ljava/lang/Object;Ljava/lang/Object;)V", null, null);
    accept.visitCode();
    line(accept, 50);
    accept.visitVarInsn(ALOAD, 0);
    accept.visitInsn(DUP);
    accept.visitVarInsn(ASTORE, 3);
    accept.visitInsn(MONITORENTER);
    accept.visitVarInsn(ALOAD, 1);
    accept.visitTypeInsn(CHECKCAST, "java/util/Map");
    accept.visitVarInsn(ALOAD, 2);
    accept.visitVarInsn(ALOAD, 2);
    accept.visitMethodInsn(INVOKEINTERFACE, "java/util/Map", "put",
        "(Ljava/lang/Object;Ljava/lang/Object;)Ljava/lang/Object;", true);
    accept.visitInsn(POP);
    accept.visitVarInsn(ALOAD, 3);
    accept.visitInsn(MONITOREXIT);
    accept.visitInsn(RETURN);
    accept.visitMaxs(0, 0);
    accept.visitEnd();
    MethodVisitor big = cw.visitMethod(ACC_PUBLIC | ACC_STATIC, "poll", "()V", null, null);
    big.visitCode();
    for (int i = 0; i < 15_000; i++) {
      big.visitFieldInsn(GETSTATIC, internalName, "flag", "I");
      big.visitInsn(POP);
    }
    big.visitInsn(RETURN);
    big.visitMaxs(0, 0);
    big.visitEnd();
    cw.visitEnd();
    return cw.toByteArray();
  }

  /**
   * A Java 8 class whose {@code public synchronized void clobber()} stores a string into local 0
   * ({@code this}): legal bytecode that no compiler emits, which Weft's unwrapping of synchronized
   * methods does not support, so the class fails verification under Weft only.
   */
  static byte[] clobbersThis(String internalName) {
    ClassWriter cw = new ClassWriter(ClassWriter.COMPUTE_MAXS);
    cw.visit(52, ACC_PUBLIC | ACC_SUPER, internalName, null, "java/lang/Object",
        new String[] {"java/lang/Runnable"});
    constructor(cw, "java/lang/Object");
    MethodVisitor mv = cw.visitMethod(ACC_PUBLIC | ACC_SYNCHRONIZED, "run", "()V", null, null);
    mv.visitCode();
    mv.visitLdcInsn("not this");
    mv.visitVarInsn(ASTORE, 0);
    mv.visitInsn(RETURN);
    mv.visitMaxs(0, 0);
    mv.visitEnd();
    cw.visitEnd();
    return cw.toByteArray();
  }

  private static void constructor(ClassWriter cw, String superName) {
    MethodVisitor mv = cw.visitMethod(ACC_PUBLIC, "<init>", "()V", null, null);
    mv.visitCode();
    mv.visitVarInsn(ALOAD, 0);
    mv.visitMethodInsn(INVOKESPECIAL, superName, "<init>", "()V", false);
    mv.visitInsn(RETURN);
    mv.visitMaxs(0, 0);
    mv.visitEnd();
  }

  private static void line(MethodVisitor mv, int line) {
    Label here = new Label();
    mv.visitLabel(here);
    mv.visitLineNumber(line, here);
  }
}

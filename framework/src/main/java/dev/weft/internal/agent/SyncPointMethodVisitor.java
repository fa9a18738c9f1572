package dev.weft.internal.agent;

import static net.bytebuddy.jar.asm.Opcodes.DUP;
import static net.bytebuddy.jar.asm.Opcodes.GETFIELD;
import static net.bytebuddy.jar.asm.Opcodes.GETSTATIC;
import static net.bytebuddy.jar.asm.Opcodes.ICONST_0;
import static net.bytebuddy.jar.asm.Opcodes.ICONST_1;
import static net.bytebuddy.jar.asm.Opcodes.INVOKEINTERFACE;
import static net.bytebuddy.jar.asm.Opcodes.INVOKESPECIAL;
import static net.bytebuddy.jar.asm.Opcodes.INVOKESTATIC;
import static net.bytebuddy.jar.asm.Opcodes.INVOKEVIRTUAL;
import static net.bytebuddy.jar.asm.Opcodes.MONITORENTER;
import static net.bytebuddy.jar.asm.Opcodes.MONITOREXIT;
import static net.bytebuddy.jar.asm.Opcodes.PUTFIELD;
import static net.bytebuddy.jar.asm.Opcodes.PUTSTATIC;

import java.util.Set;
import net.bytebuddy.jar.asm.Label;
import net.bytebuddy.jar.asm.MethodVisitor;
import net.bytebuddy.utility.OpenedClassReader;

/** Inserts or substitutes calls to {@code dev.weft.boot.Hooks} at synchronization points. */
final class SyncPointMethodVisitor extends MethodVisitor {
  static final String HOOKS = "dev/weft/boot/Hooks";
  private static final String CLASS_LOADER = "java/lang/ClassLoader";

  private final CallSiteRewriter.Mode mode;
  private final TypeFacts facts;
  private final SiteNamer sites;
  private final String ownerInternalName;
  private final Set<String> ownVolatileFields;
  /** Null where synchronized JDK methods are not modelled at their calls. */
  private final MonitorCallHelpers monitorCalls;

  SyncPointMethodVisitor(MethodVisitor mv, CallSiteRewriter.Mode mode, TypeFacts facts,
      SiteNamer sites, String ownerInternalName, Set<String> ownVolatileFields,
      MonitorCallHelpers monitorCalls) {
    super(OpenedClassReader.ASM_API, mv);
    this.mode = mode;
    this.facts = facts;
    this.sites = sites;
    this.ownerInternalName = ownerInternalName;
    this.ownVolatileFields = ownVolatileFields;
    this.monitorCalls = monitorCalls;
  }

  @Override
  public void visitLineNumber(int line, Label start) {
    sites.line(line);
    super.visitLineNumber(line, start);
  }

  private void pushSite() {
    super.visitLdcInsn(sites.current());
  }

  private void callHook(String name, String descriptor) {
    super.visitMethodInsn(INVOKESTATIC, HOOKS, name, descriptor, false);
  }

  @Override
  public void visitInsn(int opcode) {
    if (opcode == MONITORENTER) {
      super.visitInsn(DUP);
      pushSite();
      // ClassLoader.loadClass: the JVM may have taken this lock already (see the hook).
      callHook(isClassLoaderBody() ? "classLoadingLockEnter" : "monitorEnter",
          "(Ljava/lang/Object;I)V");
      super.visitInsn(MONITORENTER);
    } else if (opcode == MONITOREXIT) {
      super.visitInsn(DUP);
      super.visitInsn(MONITOREXIT);
      pushSite();
      callHook(isClassLoaderBody() ? "classLoadingLockExit" : "monitorExit",
          "(Ljava/lang/Object;I)V");
    } else {
      super.visitInsn(opcode);
    }
  }

  private boolean isClassLoaderBody() {
    return mode == CallSiteRewriter.Mode.JDK && ownerInternalName.equals(CLASS_LOADER);
  }

  @Override
  public void visitMethodInsn(int opcode, String owner, String name, String descriptor,
      boolean isInterface) {
    if (opcode == INVOKEVIRTUAL && !isInterface && rewriteObjectMonitorMethod(name, descriptor)) {
      return;
    }
    if (opcode == INVOKESTATIC && owner.equals("java/lang/Thread")
        && rewriteStaticThreadMethod(name, descriptor)) {
      return;
    }
    if (opcode == INVOKEVIRTUAL && (name.equals("join") || name.equals("isAlive"))
        && rewriteThreadInstanceMethod(owner, name, descriptor)) {
      return;
    }
    if (mode == CallSiteRewriter.Mode.JDK && owner.equals("jdk/internal/misc/Unsafe")) {
      if (name.equals("park") && descriptor.equals("(ZJ)V")) {
        callHook("unsafePark", "(Ljava/lang/Object;ZJ)V");
        return;
      }
      if (name.equals("unpark") && descriptor.equals("(Ljava/lang/Object;)V")) {
        callHook("unsafeUnpark", "(Ljava/lang/Object;Ljava/lang/Object;)V");
        return;
      }
    }
    boolean libraryCall = mode.memoryAccesses && isConcurrencyLibraryCall(opcode, owner, name);
    if (mode.memoryAccesses && (libraryCall || isAtomicOperation(opcode, owner, name))) {
      pushSite();
      callHook("atomicAccess", "(I)V");
    }
    boolean collectionCall = mode.memoryAccesses && !libraryCall
        && CollectionCallSites.isCollectionCall(opcode, owner, name);
    boolean announced = collectionCall || libraryCall
        || (mode.memoryAccesses && CollectionCallSites.isStreamCall(opcode, owner));
    if (announced) {
      // Tells the hooks inside the call which application line made it: a collection's own
      // hook needs no stack walk, and tasks created inside know where they were submitted.
      pushSite();
      super.visitLdcInsn(name);
      super.visitInsn(collectionCall ? ICONST_0 : ICONST_1);
      callHook("collectionCall", "(ILjava/lang/String;Z)V");
    }
    if (!mode.memoryAccesses || !rewriteLockCall(opcode, owner, name, descriptor)) {
      if (monitorCalls == null || !monitorCalls.replace(mv, opcode, owner, name, descriptor,
          isInterface, sites.current())) {
        super.visitMethodInsn(opcode, owner, name, descriptor, isInterface);
      }
    }
    if (announced) callHook("collectionCallDone", "()V");
    if (libraryCall) {
      // The call may have waited for another thread (Future.get, take, await): acquire again.
      pushSite();
      callHook("concurrencyCallReturned", "(I)V");
    }
  }

  private static final String LOCK = "java/util/concurrent/locks/Lock";
  private static final String STAMPED_LOCK = "java/util/concurrent/locks/StampedLock";

  /**
   * Replaces a call that takes or releases a java.util.concurrent lock with the {@code Hooks}
   * method of the same name (StampedLock's prefixed with {@code stamped}), which makes the call
   * and tells the runtime which locks the thread holds. Only application code is rewritten, so
   * the lock set shows the locks the user's code took, never the JDK's internal ones. A {@code
   * super.lock()} (invokespecial) stays: the call that reached it is the one recorded.
   */
  private boolean rewriteLockCall(int opcode, String owner, String name, String descriptor) {
    if (opcode != INVOKEVIRTUAL && opcode != INVOKEINTERFACE) return false;
    String hook;
    String receiver;
    if (isLockMethod(name, descriptor) && facts.isLock(owner)) {
      hook = name;
      receiver = LOCK;
    } else if (isStampedLockMethod(name, descriptor) && facts.isStampedLock(owner)) {
      hook = "stamped" + Character.toUpperCase(name.charAt(0)) + name.substring(1);
      receiver = STAMPED_LOCK;
    } else {
      return false;
    }
    int close = descriptor.indexOf(')');
    String hookDescriptor = "(L" + receiver + ";" + descriptor.substring(1, close) + "I"
        + descriptor.substring(close);
    pushSite();
    callHook(hook, hookDescriptor);
    return true;
  }

  private static boolean isLockMethod(String name, String descriptor) {
    switch (name + descriptor) {
      case "lock()V":
      case "lockInterruptibly()V":
      case "tryLock()Z":
      case "tryLock(JLjava/util/concurrent/TimeUnit;)Z":
      case "unlock()V":
        return true;
      default:
        return false;
    }
  }

  private static boolean isStampedLockMethod(String name, String descriptor) {
    switch (name + descriptor) {
      case "writeLock()J":
      case "tryWriteLock()J":
      case "tryWriteLock(JLjava/util/concurrent/TimeUnit;)J":
      case "writeLockInterruptibly()J":
      case "readLock()J":
      case "tryReadLock()J":
      case "tryReadLock(JLjava/util/concurrent/TimeUnit;)J":
      case "readLockInterruptibly()J":
      case "unlockWrite(J)V":
      case "unlockRead(J)V":
      case "unlock(J)V":
      case "tryUnlockWrite()Z":
      case "tryUnlockRead()Z":
      case "tryConvertToWriteLock(J)J":
      case "tryConvertToReadLock(J)J":
      case "tryConvertToOptimisticRead(J)J":
        return true;
      default:
        return false;
    }
  }

  /** wait/notify/notifyAll are final in Object: a match by name and descriptor is exact. */
  private boolean rewriteObjectMonitorMethod(String name, String descriptor) {
    switch (name + descriptor) {
      case "wait()V":
        pushSite();
        callHook("waitOn", "(Ljava/lang/Object;I)V");
        return true;
      case "wait(J)V":
        pushSite();
        callHook("waitOn", "(Ljava/lang/Object;JI)V");
        return true;
      case "wait(JI)V":
        pushSite();
        callHook("waitOn", "(Ljava/lang/Object;JII)V");
        return true;
      case "notify()V":
        pushSite();
        callHook("notifyOn", "(Ljava/lang/Object;I)V");
        return true;
      case "notifyAll()V":
        pushSite();
        callHook("notifyAllOn", "(Ljava/lang/Object;I)V");
        return true;
      default:
        return false;
    }
  }

  private boolean rewriteStaticThreadMethod(String name, String descriptor) {
    switch (name + descriptor) {
      case "sleep(J)V":
        pushSite();
        callHook("sleep", "(JI)V");
        return true;
      case "sleep(JI)V":
        pushSite();
        callHook("sleep", "(JII)V");
        return true;
      case "yield()V":
        pushSite();
        callHook("yieldNow", "(I)V");
        return true;
      case "onSpinWait()V":
        pushSite();
        callHook("spinWait", "(I)V");
        return true;
      default:
        return false;
    }
  }

  private boolean rewriteThreadInstanceMethod(String owner, String name, String descriptor) {
    String hook;
    String hookDescriptor;
    switch (name + descriptor) {
      case "join()V":
        hook = "join";
        hookDescriptor = "(Ljava/lang/Thread;I)V";
        break;
      case "join(J)V":
        hook = "join";
        hookDescriptor = "(Ljava/lang/Thread;JI)V";
        break;
      case "join(JI)V":
        hook = "join";
        hookDescriptor = "(Ljava/lang/Thread;JII)V";
        break;
      case "isAlive()Z":
        hook = "isAlive";
        hookDescriptor = "(Ljava/lang/Thread;)Z";
        break;
      default:
        return false;
    }
    if (!facts.isThread(owner)) return false;
    if (!hook.equals("isAlive")) pushSite();
    callHook(hook, hookDescriptor);
    return true;
  }

  /**
   * Calls into java.util.concurrent (locks, queues, latches, concurrent maps, executors) are
   * scheduling points: their uncontended fast paths are CAS operations inside the JDK, which is
   * not rewritten, so without a point here a lock() or a get-then-put could never be preempted.
   */
  private static boolean isConcurrencyLibraryCall(int opcode, String owner, String name) {
    return opcode != INVOKESPECIAL && owner.startsWith("java/util/concurrent/")
        && !owner.startsWith("java/util/concurrent/atomic/")
        && !name.equals("toString") && !name.equals("hashCode");
  }

  private static boolean isAtomicOperation(int opcode, String owner, String name) {
    if (opcode != INVOKEVIRTUAL) return false;
    if (owner.equals("java/lang/invoke/VarHandle")) {
      switch (name) {
        case "accessModeType":
        case "toMethodHandle":
        case "varType":
        case "coordinateTypes":
        case "hasInvokeExactBehavior":
        case "withInvokeExactBehavior":
        case "withInvokeBehavior":
        case "describeConstable":
        case "isAccessModeSupported":
          return false;
        default:
          return true;
      }
    }
    return owner.startsWith("java/util/concurrent/atomic/") && !name.equals("toString");
  }

  @Override
  public void visitFieldInsn(int opcode, String owner, String name, String descriptor) {
    if (mode.memoryAccesses && isVolatile(owner, name)) {
      int fieldId = FieldIds.of(owner, name);
      super.visitLdcInsn(fieldId);
      pushSite();
      boolean write = opcode == PUTFIELD || opcode == PUTSTATIC;
      callHook(write ? "volatileWrite" : "volatileRead", "(II)V");
    }
    super.visitFieldInsn(opcode, owner, name, descriptor);
  }

  private boolean isVolatile(String owner, String name) {
    if (owner.equals(ownerInternalName)) {
      if (ownVolatileFields.contains(name)) return true;
    }
    return facts.isVolatileField(owner, name);
  }

  static boolean isFieldOpcode(int opcode) {
    return opcode == GETFIELD || opcode == PUTFIELD || opcode == GETSTATIC || opcode == PUTSTATIC;
  }
}

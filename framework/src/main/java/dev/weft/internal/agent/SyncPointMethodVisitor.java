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
import static net.bytebuddy.jar.asm.Opcodes.SWAP;
import static net.bytebuddy.jar.asm.Opcodes.MONITOREXIT;
import static net.bytebuddy.jar.asm.Opcodes.PUTFIELD;
import static net.bytebuddy.jar.asm.Opcodes.PUTSTATIC;

import java.util.Map;
import net.bytebuddy.jar.asm.Label;
import net.bytebuddy.jar.asm.MethodVisitor;
import net.bytebuddy.utility.OpenedClassReader;

/**
 * Inserts or substitutes calls to {@code dev.weft.boot.Hooks} at synchronization points; every
 * hook it calls is a {@link HookMethod}.
 */
final class SyncPointMethodVisitor extends MethodVisitor {
  private static final String CLASS_LOADER = "java/lang/ClassLoader";

  private final CallSiteRewriter.Mode mode;
  private final TypeFacts facts;
  private final SiteNamer sites;
  private final String ownerInternalName;
  private final Map<String, FieldFacts> ownFields;
  private final MonitorExitPlacement exits;
  /** Null where synchronized JDK methods are not modelled at their calls. */
  private final MonitorCallHelpers monitorCalls;
  /** The method's {@code onSpinWait} calls are left alone (see {@link PoolSpinHints}). */
  private final boolean spinsAreHints;

  SyncPointMethodVisitor(MonitorExitPlacement mv, CallSiteRewriter.Mode mode, TypeFacts facts,
      SiteNamer sites, String ownerInternalName, String method, Map<String, FieldFacts> ownFields,
      MonitorCallHelpers monitorCalls) {
    super(OpenedClassReader.ASM_API, mv);
    this.exits = mv;
    this.mode = mode;
    this.facts = facts;
    this.sites = sites;
    this.ownerInternalName = ownerInternalName;
    this.ownFields = ownFields;
    this.monitorCalls = monitorCalls;
    this.spinsAreHints = mode == CallSiteRewriter.Mode.JDK
        && PoolSpinHints.onlyHints(ownerInternalName, method);
  }

  @Override
  public void visitLineNumber(int line, Label start) {
    sites.line(line);
    super.visitLineNumber(line, start);
  }

  private void pushSite() {
    super.visitLdcInsn(sites.current());
  }

  private void callHook(HookMethod hook) {
    super.visitMethodInsn(INVOKESTATIC, HookMethod.OWNER, hook.hookName, hook.descriptor, false);
  }

  @Override
  public void visitInsn(int opcode) {
    if (opcode == MONITORENTER) {
      super.visitInsn(DUP);
      pushSite();
      // ClassLoader.loadClass: the JVM may have taken this lock already (see the hook).
      callHook(isClassLoaderBody()
          ? HookMethod.CLASS_LOADING_LOCK_ENTER : HookMethod.MONITOR_ENTER);
      super.visitInsn(MONITORENTER);
    } else if (opcode == MONITOREXIT) {
      exits.exit(isClassLoaderBody() ? HookMethod.CLASS_LOADING_LOCK_EXIT
          : HookMethod.MONITOR_EXIT, sites.current());
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
    if (mode.memoryAccesses && opcode == INVOKESTATIC && owner.equals("java/lang/System")
        && rewriteClockRead(name, descriptor)) {
      return;
    }
    if (mode.memoryAccesses && opcode == INVOKESTATIC && owner.startsWith("java/time/")
        && rewriteTimeNow(owner, name, descriptor)) {
      return;
    }
    if (opcode == INVOKEVIRTUAL && (name.equals("join") || name.equals("isAlive")
        || (mode.memoryAccesses && (name.equals("interrupt") || name.equals("isInterrupted"))))
        && rewriteThreadInstanceMethod(owner, name, descriptor)) {
      return;
    }
    if (mode == CallSiteRewriter.Mode.JDK && owner.equals("jdk/internal/misc/Unsafe")) {
      if (name.equals("park") && descriptor.equals("(ZJ)V")) {
        callHook(HookMethod.UNSAFE_PARK);
        return;
      }
      if (name.equals("unpark") && descriptor.equals("(Ljava/lang/Object;)V")) {
        callHook(HookMethod.UNSAFE_UNPARK);
        return;
      }
    }
    boolean libraryCall = mode.memoryAccesses && isConcurrencyLibraryCall(opcode, owner, name);
    if (mode.memoryAccesses && (libraryCall || isAtomicOperation(opcode, owner, name))) {
      SiteRegistry.noteCall(sites.current(), owner, name);
      pushSite();
      callHook(HookMethod.ATOMIC_ACCESS);
    }
    boolean collectionCall = mode.memoryAccesses && !libraryCall
        && (CollectionCallSites.isCollectionCall(opcode, owner, name)
            || JdkObjectTargets.isObjectCall(opcode, owner, name));
    boolean announced = collectionCall || libraryCall
        || (mode.memoryAccesses && CollectionCallSites.isStreamCall(opcode, owner));
    if (announced) {
      // Tells the hooks inside the call which application line made it: a collection's own
      // hook needs no stack walk, and tasks created inside know where they were submitted.
      pushSite();
      super.visitLdcInsn(name);
      super.visitInsn(collectionCall ? ICONST_0 : ICONST_1);
      callHook(HookMethod.COLLECTION_CALL);
    }
    if (!mode.memoryAccesses || !rewriteLockCall(opcode, owner, name, descriptor)) {
      if (monitorCalls == null || !monitorCalls.replace(mv, opcode, owner, name, descriptor,
          isInterface, sites.current())) {
        super.visitMethodInsn(opcode, owner, name, descriptor, isInterface);
      }
    }
    if (announced) callHook(HookMethod.COLLECTION_CALL_DONE);
    if (libraryCall) {
      // The call may have waited for another thread (Future.get, take, await): acquire again.
      pushSite();
      callHook(HookMethod.CONCURRENCY_CALL_RETURNED);
    }
  }

  /**
   * Replaces a call that takes or releases a java.util.concurrent lock with the {@code Hooks}
   * method of the same name (StampedLock's prefixed with {@code stamped}), which makes the call
   * and tells the runtime which locks the thread holds. Only application code is rewritten, so
   * the lock set shows the locks the user's code took, never the JDK's internal ones. A {@code
   * super.lock()} (invokespecial) stays: the call that reached it is the one recorded.
   */
  private boolean rewriteLockCall(int opcode, String owner, String name, String descriptor) {
    if (opcode != INVOKEVIRTUAL && opcode != INVOKEINTERFACE) return false;
    HookMethod hook = HookMethod.replacingLockCall(name, descriptor);
    if (hook == null || !facts.isLock(owner)) {
      hook = HookMethod.replacingStampedLockCall(name, descriptor);
      if (hook == null || !facts.isStampedLock(owner)) return false;
    }
    pushSite();
    callHook(hook);
    return true;
  }

  /** wait/notify/notifyAll are final in Object: a match by name and descriptor is exact. */
  private boolean rewriteObjectMonitorMethod(String name, String descriptor) {
    switch (name + descriptor) {
      case "wait()V":
        pushSite();
        callHook(HookMethod.WAIT);
        return true;
      case "wait(J)V":
        pushSite();
        callHook(HookMethod.WAIT_MILLIS);
        return true;
      case "wait(JI)V":
        pushSite();
        callHook(HookMethod.WAIT_MILLIS_NANOS);
        return true;
      case "notify()V":
        pushSite();
        callHook(HookMethod.NOTIFY);
        return true;
      case "notifyAll()V":
        pushSite();
        callHook(HookMethod.NOTIFY_ALL);
        return true;
      default:
        return false;
    }
  }

  private boolean rewriteStaticThreadMethod(String name, String descriptor) {
    switch (name + descriptor) {
      case "sleep(J)V":
        pushSite();
        callHook(HookMethod.SLEEP);
        return true;
      case "sleep(JI)V":
        pushSite();
        callHook(HookMethod.SLEEP_NANOS);
        return true;
      case "yield()V":
        pushSite();
        callHook(HookMethod.YIELD);
        return true;
      case "onSpinWait()V":
        if (spinsAreHints) return false;
        pushSite();
        callHook(HookMethod.SPIN_WAIT);
        return true;
      case "interrupted()Z":
        // Application code only: the JDK clears the status inside its own library calls.
        if (!mode.memoryAccesses) return false;
        pushSite();
        callHook(HookMethod.INTERRUPTED);
        return true;
      default:
        return false;
    }
  }

  /**
   * The program's clock reads go to the virtual clock inside executions, so that a loop that runs
   * "for 3 seconds" takes no real time and replays exactly. Only application code is rewritten:
   * the JDK and Weft keep the real clock.
   */
  private boolean rewriteClockRead(String name, String descriptor) {
    if (!descriptor.equals("()J")) return false;
    HookMethod hook;
    if (name.equals("nanoTime")) {
      hook = HookMethod.NANO_TIME;
    } else if (name.equals("currentTimeMillis")) {
      hook = HookMethod.CURRENT_TIME_MILLIS;
    } else {
      return false;
    }
    pushSite();
    callHook(hook);
    return true;
  }

  /** The {@code java.time} types whose {@code now()} reads the system clock. */
  private static final java.util.Set<String> TIME_NOW_TYPES = java.util.Set.of(
      "java/time/Instant", "java/time/LocalDate", "java/time/LocalDateTime",
      "java/time/LocalTime", "java/time/OffsetDateTime", "java/time/OffsetTime",
      "java/time/ZonedDateTime", "java/time/Year", "java/time/YearMonth", "java/time/MonthDay");

  /**
   * {@code Instant.now()}, {@code LocalDateTime.now()} and their kind become {@code now(clock)}
   * with the clock of {@link HookMethod#SYSTEM_CLOCK}, and {@code Clock.systemDefaultZone()} and
   * {@code Clock.systemUTC()} that clock: inside executions they read the virtual clock, as {@code
   * System.currentTimeMillis()} does, in the zone asked for when one is ({@code now(zone)},
   * {@code Clock.system(zone)}).
   */
  private boolean rewriteTimeNow(String owner, String name, String descriptor) {
    if (owner.equals("java/time/Clock")) {
      if (name.equals("systemDefaultZone") && descriptor.equals("()Ljava/time/Clock;")) {
        pushSite();
        callHook(HookMethod.SYSTEM_CLOCK);
        return true;
      }
      if (name.equals("system") && descriptor.equals("(Ljava/time/ZoneId;)Ljava/time/Clock;")) {
        systemClockInZoneOnStack();
        return true;
      }
      if (name.equals("systemUTC") && descriptor.equals("()Ljava/time/Clock;")) {
        pushSite();
        callHook(HookMethod.SYSTEM_CLOCK);
        super.visitFieldInsn(GETSTATIC, "java/time/ZoneOffset", "UTC", "Ljava/time/ZoneOffset;");
        super.visitMethodInsn(INVOKEVIRTUAL, "java/time/Clock", "withZone",
            "(Ljava/time/ZoneId;)Ljava/time/Clock;", false);
        return true;
      }
      return false;
    }
    if (!name.equals("now") || !TIME_NOW_TYPES.contains(owner)) return false;
    if (descriptor.equals("()L" + owner + ";")) {
      pushSite();
      callHook(HookMethod.SYSTEM_CLOCK);
    } else if (descriptor.equals("(Ljava/time/ZoneId;)L" + owner + ";")) {
      systemClockInZoneOnStack();
    } else {
      return false;
    }
    super.visitMethodInsn(INVOKESTATIC, owner, "now", "(Ljava/time/Clock;)L" + owner + ";",
        false);
    return true;
  }

  /** Replaces the zone on the stack by the system clock in that zone. */
  private void systemClockInZoneOnStack() {
    pushSite();
    callHook(HookMethod.SYSTEM_CLOCK);
    super.visitInsn(SWAP);
    super.visitMethodInsn(INVOKEVIRTUAL, "java/time/Clock", "withZone",
        "(Ljava/time/ZoneId;)Ljava/time/Clock;", false);
  }

  private boolean rewriteThreadInstanceMethod(String owner, String name, String descriptor) {
    HookMethod hook;
    switch (name + descriptor) {
      case "join()V":
        hook = HookMethod.JOIN;
        break;
      case "join(J)V":
        hook = HookMethod.JOIN_MILLIS;
        break;
      case "join(JI)V":
        hook = HookMethod.JOIN_MILLIS_NANOS;
        break;
      case "isAlive()Z":
        hook = HookMethod.IS_ALIVE;
        break;
      case "interrupt()V":
        hook = HookMethod.INTERRUPT;
        break;
      case "isInterrupted()Z":
        hook = HookMethod.IS_INTERRUPTED;
        break;
      default:
        return false;
    }
    if (!facts.isThread(owner)) return false;
    if (hook != HookMethod.IS_ALIVE) pushSite();
    callHook(hook);
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
    FieldFacts field = mode.memoryAccesses ? declaration(owner, name) : null;
    if (field != null && field.isVolatile()) {
      super.visitLdcInsn(field.id());
      pushSite();
      boolean write = opcode == PUTFIELD || opcode == PUTSTATIC;
      callHook(write ? HookMethod.VOLATILE_WRITE : HookMethod.VOLATILE_READ);
    }
    super.visitFieldInsn(opcode, owner, name, descriptor);
  }

  /** The field's declaration, or null for a JDK field or one whose declaration is unreadable. */
  private FieldFacts declaration(String owner, String name) {
    if (owner.startsWith("java/") || owner.startsWith("jdk/")) return null;
    if (owner.equals(ownerInternalName)) {
      FieldFacts own = ownFields.get(name);
      if (own != null) return own;
    }
    return FieldFacts.resolve(facts, owner, name);
  }

  static boolean isFieldOpcode(int opcode) {
    return opcode == GETFIELD || opcode == PUTFIELD || opcode == GETSTATIC || opcode == PUTSTATIC;
  }
}

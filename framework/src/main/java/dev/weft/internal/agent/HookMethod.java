package dev.weft.internal.agent;

import java.util.HashMap;
import java.util.Map;

/**
 * Every {@code dev.weft.boot.Hooks} method the rewriter emits a call to, by name and descriptor:
 * the one place the rewritten bytecode's references to the hooks are spelled, so that a test can
 * check each against {@code Hooks} and a renamed hook cannot break instrumentation silently. (The
 * Advice classes call {@code Hooks} in Java source, which the compiler checks.)
 */
enum HookMethod {
  MONITOR_ENTER("monitorEnter", "(Ljava/lang/Object;I)V"),
  MONITOR_EXIT("monitorExit", "(Ljava/lang/Object;I)V"),
  CLASS_LOADING_LOCK_ENTER("classLoadingLockEnter", "(Ljava/lang/Object;I)V"),
  CLASS_LOADING_LOCK_EXIT("classLoadingLockExit", "(Ljava/lang/Object;I)V"),
  SYNCHRONIZED_CALL_BEGINS("synchronizedCallBegins", "(Ljava/lang/Object;II)Ljava/lang/Object;"),
  SYNCHRONIZED_CALL_ENDS("synchronizedCallEnds", "(Ljava/lang/Object;I)V"),
  WAIT("waitOn", "(Ljava/lang/Object;I)V"),
  WAIT_MILLIS("waitOn", "(Ljava/lang/Object;JI)V"),
  WAIT_MILLIS_NANOS("waitOn", "(Ljava/lang/Object;JII)V"),
  NOTIFY("notifyOn", "(Ljava/lang/Object;I)V"),
  NOTIFY_ALL("notifyAllOn", "(Ljava/lang/Object;I)V"),
  SLEEP("sleep", "(JI)V"),
  SLEEP_NANOS("sleep", "(JII)V"),
  YIELD("yieldNow", "(I)V"),
  SPIN_WAIT("spinWait", "(I)V"),
  NANO_TIME("nanoTime", "(I)J"),
  CURRENT_TIME_MILLIS("currentTimeMillis", "(I)J"),
  SYSTEM_CLOCK("systemClock", "(I)Ljava/time/Clock;"),
  JOIN("join", "(Ljava/lang/Thread;I)V"),
  JOIN_MILLIS("join", "(Ljava/lang/Thread;JI)V"),
  JOIN_MILLIS_NANOS("join", "(Ljava/lang/Thread;JII)V"),
  IS_ALIVE("isAlive", "(Ljava/lang/Thread;)Z"),
  INTERRUPT("interrupt", "(Ljava/lang/Thread;I)V"),
  IS_INTERRUPTED("isInterrupted", "(Ljava/lang/Thread;I)Z"),
  INTERRUPTED("interrupted", "(I)Z"),
  UNSAFE_PARK("unsafePark", "(Ljava/lang/Object;ZJ)V"),
  UNSAFE_UNPARK("unsafeUnpark", "(Ljava/lang/Object;Ljava/lang/Object;)V"),
  VOLATILE_READ("volatileRead", "(II)V"),
  VOLATILE_WRITE("volatileWrite", "(II)V"),
  ATOMIC_ACCESS("atomicAccess", "(I)V"),
  CONCURRENCY_CALL_RETURNED("concurrencyCallReturned", "(I)V"),
  COLLECTION_CALL("collectionCall", "(ILjava/lang/String;Z)V"),
  CLASS_INITIALIZED("classInitialized", "(Ljava/lang/Class;)V"),
  COLLECTION_CALL_DONE("collectionCallDone", "()V"),

  // Plain fields and array elements (FieldAccessVisitor), one per type on the operand stack.
  READ_FIELD("readField", "(Ljava/lang/Object;II)V"),
  READ_STATIC("readStatic", "(II)V"),
  WRITE_INT_FIELD("writeField", "(Ljava/lang/Object;III)V"),
  WRITE_FLOAT_FIELD("writeField", "(Ljava/lang/Object;FII)V"),
  WRITE_REFERENCE_FIELD("writeField", "(Ljava/lang/Object;Ljava/lang/Object;II)V"),
  WRITE_LONG_FIELD("writeLongField", "(Ljava/lang/Object;JII)J"),
  WRITE_DOUBLE_FIELD("writeDoubleField", "(Ljava/lang/Object;DII)D"),
  WRITE_INT_STATIC("writeStatic", "(III)V"),
  WRITE_LONG_STATIC("writeStatic", "(JII)V"),
  WRITE_FLOAT_STATIC("writeStatic", "(FII)V"),
  WRITE_DOUBLE_STATIC("writeStatic", "(DII)V"),
  WRITE_REFERENCE_STATIC("writeStatic", "(Ljava/lang/Object;II)V"),
  READ_ELEMENT("readElement", "(Ljava/lang/Object;II)V"),
  WRITE_INT_ELEMENT("writeElement", "([IIII)V"),
  WRITE_LONG_ELEMENT("writeElement", "([JIJI)V"),
  WRITE_FLOAT_ELEMENT("writeElement", "([FIFI)V"),
  WRITE_DOUBLE_ELEMENT("writeElement", "([DIDI)V"),
  WRITE_CHAR_ELEMENT("writeElement", "([CIII)V"),
  WRITE_SHORT_ELEMENT("writeElement", "([SIII)V"),
  WRITE_BYTE_OR_BOOLEAN_ELEMENT("writeElement", "(Ljava/lang/Object;III)V"),
  WRITE_REFERENCE_ELEMENT("writeElement", "([Ljava/lang/Object;ILjava/lang/Object;I)V"),
  CREATED("created", "(Ljava/lang/Object;I)V"),

  // Replacements of java.util.concurrent lock calls: the receiver and the site are added to the
  // replaced method's descriptor.
  LOCK(Receiver.LOCK, "lock", "()V"),
  LOCK_INTERRUPTIBLY(Receiver.LOCK, "lockInterruptibly", "()V"),
  TRY_LOCK(Receiver.LOCK, "tryLock", "()Z"),
  TRY_LOCK_TIMED(Receiver.LOCK, "tryLock", "(JLjava/util/concurrent/TimeUnit;)Z"),
  UNLOCK(Receiver.LOCK, "unlock", "()V"),
  STAMPED_WRITE_LOCK(Receiver.STAMPED_LOCK, "writeLock", "()J"),
  STAMPED_TRY_WRITE_LOCK(Receiver.STAMPED_LOCK, "tryWriteLock", "()J"),
  STAMPED_TRY_WRITE_LOCK_TIMED(Receiver.STAMPED_LOCK, "tryWriteLock",
      "(JLjava/util/concurrent/TimeUnit;)J"),
  STAMPED_WRITE_LOCK_INTERRUPTIBLY(Receiver.STAMPED_LOCK, "writeLockInterruptibly", "()J"),
  STAMPED_READ_LOCK(Receiver.STAMPED_LOCK, "readLock", "()J"),
  STAMPED_TRY_READ_LOCK(Receiver.STAMPED_LOCK, "tryReadLock", "()J"),
  STAMPED_TRY_READ_LOCK_TIMED(Receiver.STAMPED_LOCK, "tryReadLock",
      "(JLjava/util/concurrent/TimeUnit;)J"),
  STAMPED_READ_LOCK_INTERRUPTIBLY(Receiver.STAMPED_LOCK, "readLockInterruptibly", "()J"),
  STAMPED_UNLOCK_WRITE(Receiver.STAMPED_LOCK, "unlockWrite", "(J)V"),
  STAMPED_UNLOCK_READ(Receiver.STAMPED_LOCK, "unlockRead", "(J)V"),
  STAMPED_UNLOCK(Receiver.STAMPED_LOCK, "unlock", "(J)V"),
  STAMPED_TRY_UNLOCK_WRITE(Receiver.STAMPED_LOCK, "tryUnlockWrite", "()Z"),
  STAMPED_TRY_UNLOCK_READ(Receiver.STAMPED_LOCK, "tryUnlockRead", "()Z"),
  STAMPED_TRY_CONVERT_TO_WRITE_LOCK(Receiver.STAMPED_LOCK, "tryConvertToWriteLock", "(J)J"),
  STAMPED_TRY_CONVERT_TO_READ_LOCK(Receiver.STAMPED_LOCK, "tryConvertToReadLock", "(J)J"),
  STAMPED_TRY_CONVERT_TO_OPTIMISTIC_READ(Receiver.STAMPED_LOCK, "tryConvertToOptimisticRead",
      "(J)J");

  /** The class every hook is a static method of. */
  static final String OWNER = "dev/weft/boot/Hooks";

  /** The receiver type of a replaced lock call, which becomes the hook's first parameter. */
  enum Receiver {
    LOCK("java/util/concurrent/locks/Lock", ""),
    STAMPED_LOCK("java/util/concurrent/locks/StampedLock", "stamped");

    final String internalName;
    /** StampedLock's hooks are prefixed: {@code stampedWriteLock}. */
    final String hookPrefix;

    Receiver(String internalName, String hookPrefix) {
      this.internalName = internalName;
      this.hookPrefix = hookPrefix;
    }
  }

  final String hookName;
  final String descriptor;
  /** For a lock call replacement: the replaced call ({@code lock()V}) and its receiver; else null. */
  final String replaces;
  final Receiver receiver;

  HookMethod(String hookName, String descriptor) {
    this.hookName = hookName;
    this.descriptor = descriptor;
    this.replaces = null;
    this.receiver = null;
  }

  HookMethod(Receiver receiver, String method, String methodDescriptor) {
    this.hookName = receiver.hookPrefix.isEmpty() ? method
        : receiver.hookPrefix + Character.toUpperCase(method.charAt(0)) + method.substring(1);
    int close = methodDescriptor.indexOf(')');
    this.descriptor = "(L" + receiver.internalName + ";" + methodDescriptor.substring(1, close)
        + "I" + methodDescriptor.substring(close);
    this.replaces = method + methodDescriptor;
    this.receiver = receiver;
  }

  private static final Map<String, HookMethod> LOCK_CALLS = new HashMap<>();
  private static final Map<String, HookMethod> STAMPED_LOCK_CALLS = new HashMap<>();

  static {
    for (HookMethod hook : values()) {
      if (hook.receiver == Receiver.LOCK) LOCK_CALLS.put(hook.replaces, hook);
      if (hook.receiver == Receiver.STAMPED_LOCK) STAMPED_LOCK_CALLS.put(hook.replaces, hook);
    }
  }

  /** The hook that replaces {@code Lock.<name><descriptor>}, or null. */
  static HookMethod replacingLockCall(String name, String descriptor) {
    return LOCK_CALLS.get(name + descriptor);
  }

  /** The hook that replaces {@code StampedLock.<name><descriptor>}, or null. */
  static HookMethod replacingStampedLockCall(String name, String descriptor) {
    return STAMPED_LOCK_CALLS.get(name + descriptor);
  }
}

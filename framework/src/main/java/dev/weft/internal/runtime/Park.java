package dev.weft.internal.runtime;

import dev.weft.internal.agent.SiteRegistry;
import dev.weft.internal.failure.Awaited;
import dev.weft.internal.failure.LockRef;
import dev.weft.internal.failure.ObjectId;
import dev.weft.internal.failure.WaitEdge;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.AbstractOwnableSynchronizer;
import java.util.concurrent.locks.ReentrantLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.concurrent.locks.StampedLock;

/**
 * Parked ({@code LockSupport.park}), for the thread's permit, an interrupt or its timeout ({@code
 * reason} records which came first). {@code blocker} is the park's blocker object (the lock,
 * latch or future waited for), or null. Its step is the library code the park returns to (see
 * {@link Blocking#park}).
 */
record Park(Object blocker, long deadline, WakeReason reason) implements Blocker {

  @Override
  public int stepObject() {
    return StepObjects.LIBRARY;
  }

  @Override
  public int site() {
    return -1;
  }

  @Override
  public boolean isEnabled(ControlledThread waiter) {
    return waiter.permit || reason != WakeReason.NONE
        || Blocker.deadlinePassed(deadline, waiter);
  }

  /** Chosen without a permit or an interrupt: the clock passed the deadline. */
  @Override
  public WakeReason wake(ControlledThread waiter) {
    if (reason != WakeReason.NONE) return reason;
    if (!waiter.permit) return WakeReason.TIMED_OUT;
    waiter.permit = false;
    return WakeReason.UNPARKED;
  }

  @Override
  public Blocker interrupted(ControlledThread waiter) {
    return new Park(blocker, -1, WakeReason.INTERRUPTED);
  }

  @Override
  public Blocker timedOut(ControlledThread waiter) {
    return new Park(blocker, -1, WakeReason.TIMED_OUT);
  }

  @Override
  public boolean awaitsUnpark() {
    return true;
  }

  /**
   * A lock's waiters park on its synchronizer (or on the StampedLock itself): the holders are the
   * threads whose application code took that lock, else its exclusive owner. Any other blocker (a
   * latch, a future, a queue) is waited for as an unpark.
   */
  @Override
  public Awaiting awaiting(ControlledThread waiter, Execution execution) {
    if (blocker == null) return new Awaiting(new Awaited.Unpark(null));
    List<LockBookkeeping.Taken> taken = execution.locks().holdersOf(blocker);
    if (!taken.isEmpty()) {
      LockRef held = taken.get(0).lock().lock.ref();
      List<WaitEdge.Holder> holders = new ArrayList<>();
      for (LockBookkeeping.Taken t : taken) {
        holders.add(new WaitEdge.Holder(t.thread().ref(), SiteRegistry.location(t.lock().site)));
      }
      return new Awaiting(new Awaited.Lock(new LockRef(held.lock(), wantedMode(waiter, held.mode()))),
          holders);
    }
    LockRef.Mode mode = lockMode(blocker);
    if (mode == null) return new Awaiting(new Awaited.Unpark(ObjectId.of(blocker)));
    ControlledThread owner = ownerOf(execution, blocker);
    List<WaitEdge.Holder> holders = owner == null ? List.of()
        : List.of(new WaitEdge.Holder(owner.ref(), null));
    return new Awaiting(new Awaited.Lock(new LockRef(ObjectId.of(blocker),
        wantedMode(waiter, mode))), holders);
  }

  /** How a lock parked on as {@code blocker} is held at all, or null when it is not a lock. */
  private static LockRef.Mode lockMode(Object blocker) {
    if (blocker instanceof StampedLock) return LockRef.Mode.WRITE;
    Class<?> outer = blocker.getClass().getEnclosingClass();
    if (outer == null || !(blocker instanceof AbstractOwnableSynchronizer)) return null;
    if (ReentrantReadWriteLock.class.isAssignableFrom(outer)) return LockRef.Mode.WRITE;
    if (ReentrantLock.class.isAssignableFrom(outer)) return LockRef.Mode.EXCLUSIVE;
    return null;
  }

  /**
   * The mode {@code waiter} asks for: a read-write lock's waiters are read from their stacks (the
   * read lock's {@code lock} or a StampedLock's read method is on it).
   */
  private static LockRef.Mode wantedMode(ControlledThread waiter, LockRef.Mode held) {
    if (held != LockRef.Mode.READ && held != LockRef.Mode.WRITE) return held;
    for (StackTraceElement frame : waiter.thread.getStackTrace()) {
      String c = frame.getClassName();
      if (c.equals("java.util.concurrent.locks.ReentrantReadWriteLock$ReadLock")) {
        return LockRef.Mode.READ;
      }
      if (c.equals("java.util.concurrent.locks.ReentrantReadWriteLock$WriteLock")) {
        return LockRef.Mode.WRITE;
      }
      if (c.startsWith("java.util.concurrent.locks.StampedLock")) {
        String m = frame.getMethodName().toLowerCase(java.util.Locale.ROOT);
        if (m.contains("read")) return LockRef.Mode.READ;
        if (m.contains("write")) return LockRef.Mode.WRITE;
      }
    }
    return held;
  }

  /** Owner of a java.util.concurrent lock, when the lock records one and it is controlled. */
  private static ControlledThread ownerOf(Execution execution, Object blocker) {
    if (!(blocker instanceof AbstractOwnableSynchronizer)) return null;
    try {
      Method m = AbstractOwnableSynchronizer.class.getDeclaredMethod("getExclusiveOwnerThread");
      m.setAccessible(true);
      Thread owner = (Thread) m.invoke(blocker);
      return owner == null ? null : execution.lookup(owner);
    } catch (ReflectiveOperationException | RuntimeException e) {
      return null;
    }
  }
}

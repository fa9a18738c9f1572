package dev.weft.internal.runtime;

import java.lang.reflect.Method;
import java.util.concurrent.locks.AbstractOwnableSynchronizer;

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
    return waiter.permit || reason != WakeReason.NONE;
  }

  @Override
  public WakeReason wake(ControlledThread waiter) {
    if (reason != WakeReason.NONE) return reason;
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

  @Override
  public String waitsFor(String at, Execution execution) {
    String owner = ownerOf(execution, blocker);
    return "waits at " + at + " for "
        + (blocker == null ? "an unpark" : DeadlockReport.identity(blocker))
        + (owner == null ? "" : " held by " + owner);
  }

  /** Owner of a java.util.concurrent lock, when the lock records one. */
  private static String ownerOf(Execution execution, Object blocker) {
    if (!(blocker instanceof AbstractOwnableSynchronizer)) return null;
    try {
      Method m = AbstractOwnableSynchronizer.class.getDeclaredMethod("getExclusiveOwnerThread");
      m.setAccessible(true);
      Thread owner = (Thread) m.invoke(blocker);
      if (owner == null) return null;
      ControlledThread ct = execution.lookup(owner);
      return ct == null ? owner.getName() : ct.displayName();
    } catch (ReflectiveOperationException | RuntimeException e) {
      return null;
    }
  }
}

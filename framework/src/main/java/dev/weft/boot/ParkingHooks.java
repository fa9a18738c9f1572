package dev.weft.boot;

/**
 * {@code LockSupport} (and the {@code Unsafe} calls of JDK classes that bypass it), through which
 * every lock, queue, latch, semaphore, barrier and future of {@code java.util.concurrent} blocks.
 */
public interface ParkingHooks {

  /**
   * {@code LockSupport.park*}: {@code nanos} is 0 for an untimed park, else the relative timeout
   * (already converted from a deadline). Returns true when handled.
   */
  boolean park(Object blocker, long nanos, boolean timed);

  /** A real park returned: a thread adopted while it was parked checks in here. */
  void parkReturned();

  /** {@code LockSupport.unpark(thread)}: returns true when handled. */
  boolean unpark(Thread thread);
}

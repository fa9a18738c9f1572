package dev.weft.internal.runtime;

import static dev.weft.internal.runtime.ControlledRuntime.enter;
import static dev.weft.internal.runtime.ControlledRuntime.leave;

import dev.weft.boot.MonitorHooks;
import dev.weft.internal.agent.SiteRegistry;

/** {@code synchronized}, {@code wait} and {@code notify} of controlled threads, to {@link Monitors}. */
final class MonitorHookHandler implements MonitorHooks {

  @Override
  public void monitorEnter(Object lock, int site) {
    ControlledThread me = enter();
    if (me == null) return;
    try {
      me.execution.checkAborted();
      me.execution.monitors().enter(me, lock, applicationSite(me, site));
    } finally {
      leave(me);
    }
  }

  /**
   * A monitor taken inside the JDK on the application's behalf (a synchronizedMap's mutex) is
   * shown at the application's call, which is the line the user can act on.
   */
  private static int applicationSite(ControlledThread me, int site) {
    int announced = me.announced.siteOr(site);
    if (announced == site) return site;
    StackTraceElement where = SiteRegistry.location(site);
    return where != null && where.getClassName().startsWith("java.") ? announced : site;
  }

  @Override
  public void monitorExit(Object lock, int site) {
    ControlledThread me = enter();
    if (me == null) return;
    try {
      if (!me.execution.aborting()) me.execution.monitors().exit(me, lock);
    } finally {
      leave(me);
    }
  }

  @Override
  public void waitOn(Object lock, long millis, int site) throws InterruptedException {
    ControlledThread me = enter();
    if (me == null) {
      lock.wait(millis);
      return;
    }
    try {
      if (!Thread.holdsLock(lock)) {
        throw new IllegalMonitorStateException("current thread is not owner");
      }
      me.execution.checkAborted();
      if (Thread.interrupted()) throw new InterruptedException();
      if (me.execution.monitors().await(me, lock, millis, site) == WakeReason.INTERRUPTED) {
        Thread.interrupted();
        throw new InterruptedException();
      }
    } finally {
      leave(me);
    }
  }

  @Override
  public void notifyOn(Object lock, boolean all, int site) {
    ControlledThread me = enter();
    if (me == null) {
      if (all) {
        lock.notifyAll();
      } else {
        lock.notify();
      }
      return;
    }
    try {
      if (!Thread.holdsLock(lock)) {
        throw new IllegalMonitorStateException("current thread is not owner");
      }
      if (!me.execution.aborting()) me.execution.monitors().notify(me, lock, all);
    } finally {
      leave(me);
    }
  }
}

package dev.weft.internal.runtime;

import static dev.weft.internal.runtime.ControlledRuntime.enter;
import static dev.weft.internal.runtime.ControlledRuntime.leave;

import dev.weft.boot.MonitorHooks;
import dev.weft.scheduler.StepKind;
import dev.weft.internal.agent.SiteRegistry;
import dev.weft.internal.agent.SynchronizedJdkMethods;

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
      // Interrupted before its wait, a thread throws holding the monitor; in the wait set, it
      // lets others take the monitor first: the check is a step on the status (see Execution).
      me.execution.interruptStatusPoint(me, me, StepKind.WRITE);
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

  // ---- monitors of synchronized JDK methods, modelled at the application's call --------------

  @Override
  public Object synchronizedCallBegins(Object receiver, int signature, int site) {
    if (receiver == null) return null;
    // Inside enter(): the verdict's ClassValue is a WeakHashMap behind a JDK lock, whose hooks
    // must not run (one would claim the application's announced get and yield inside the lock).
    ControlledThread me = enter();
    if (me == null) return null;
    try {
      if (signature >= 0
          && !SynchronizedJdkMethods.resolvesToSynchronized(receiver.getClass(), signature)) {
        return null;
      }
      me.execution.checkAborted();
      me.execution.monitors().enter(me, receiver, site);
      return receiver;
    } finally {
      leave(me);
    }
  }

  @Override
  public void synchronizedCallEnds(Object token, int site) {
    monitorExit(token, site);
  }

  /**
   * Only an application's own class loader that is not parallel capable locks itself, and only
   * such locks take part in a deadlock of the application's; the JDK's loaders (the one behind
   * reflection among them) load classes once per JVM, and a scheduling point there would differ
   * between an execution and its replay. Neither hook lets a thread that has not checked in yet
   * do so here: it would wait for its first turn inside a class-loading lock.
   */
  @Override
  public void classLoadingLockEnter(Object lock, int site) {
    if (!isApplicationLoader(lock)) return;
    ControlledThread me = ControlledRuntime.recovered();
    if (me == null || me.released) return;
    // Taken by the JVM, unseen: leave it out of the model rather than yield while holding it.
    if (Thread.holdsLock(lock) && !me.execution.monitors().ownedBy(lock, me)) return;
    monitorEnter(lock, site);
  }

  @Override
  public void classLoadingLockExit(Object lock, int site) {
    if (!isApplicationLoader(lock)) return;
    ControlledThread me = ControlledRuntime.recovered();
    if (me == null || me.released) return;
    monitorExit(lock, site);
  }

  private static boolean isApplicationLoader(Object lock) {
    return lock instanceof ClassLoader && !isJdkClass(lock.getClass());
  }

  private static boolean isJdkClass(Class<?> type) {
    ClassLoader loader = type.getClassLoader();
    return loader == null || loader == ClassLoader.getPlatformClassLoader();
  }
}

package dev.weft.internal.runtime;

import dev.weft.internal.agent.SiteRegistry;

/**
 * The call a controlled thread's application code announced just before making it ({@code
 * Hooks.collectionCall}), until it returns or a hook inside claims it. A hook of the same method
 * name claims it, so nothing else inside the call can: its caller's line then comes from the call
 * site, with no stack walk. Touched only by its own thread; one instance per thread, reused.
 */
final class AnnouncedCall {
  private String method;
  private int site;
  private boolean library;

  void announce(int site, String method, boolean library) {
    this.site = site;
    this.method = method;
    this.library = library;
  }

  /** The announced call returned (or a hook claimed it). */
  void forget() {
    method = null;
  }

  /**
   * The line of the application's call to this collection operation, claimed; null when the
   * hook's operation is not the announced call. A java.util.concurrent call is never claimed by
   * a collection: the JDK uses collections inside under its own locks (a DelayQueue's queue).
   */
  StackTraceElement claimForCollection(String hookMethod) {
    if (library || !hookMethod.equals(method)) return null;
    method = null;
    return SiteRegistry.location(site);
  }

  /**
   * Whether an application call of {@code hookMethod} (not into java.util.concurrent) waits to
   * be claimed; the cheap test before {@link #claimForCollection}.
   */
  boolean awaits(String hookMethod) {
    return !library && hookMethod.equals(method);
  }

  /**
   * Claims the call for a ConcurrentHashMap operation of that name. Returns null when the
   * operation is not the announced call, else whether it needs its own scheduling point: yes
   * when reached through a plain {@code Map}, no when its call site into java.util.concurrent
   * already is one.
   */
  Boolean claimForConcurrentMap(String hookMethod) {
    if (!hookMethod.equals(method)) return null;
    method = null;
    return !library;
  }

  /** The pending call's line, unclaimed (tasks and collections it creates were made there). */
  StackTraceElement location() {
    return method == null ? null : SiteRegistry.location(site);
  }

  /** The pending constructor call's line, unclaimed, or null. */
  StackTraceElement constructorLocation() {
    return "<init>".equals(method) ? SiteRegistry.location(site) : null;
  }

  /** The pending call's site id, or {@code otherwise} when none is pending. */
  int siteOr(int otherwise) {
    return method == null ? otherwise : site;
  }
}

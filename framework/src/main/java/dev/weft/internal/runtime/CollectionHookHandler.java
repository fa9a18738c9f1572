package dev.weft.internal.runtime;

import static dev.weft.internal.runtime.ControlledRuntime.enter;
import static dev.weft.internal.runtime.ControlledRuntime.leave;
import static dev.weft.internal.runtime.ControlledRuntime.recovered;

import dev.weft.boot.CollectionHooks;
import dev.weft.internal.agent.JdkObjectFamily;

/**
 * Operations on tracked collections and JDK objects ({@link JdkObjects}), to the race detector
 * ({@link CollectionRaces}); the calls application code announces; and ConcurrentHashMap
 * operations, which are scheduling points.
 */
final class CollectionHookHandler implements CollectionHooks {

  @Override
  public void collectionCall(int site, String method, boolean concurrencyLibrary) {
    // Not enter(): this runs before every collection call and only leaves a note for the hook.
    ControlledThread me = ControlledRuntime.cached();
    if (me == null) return;
    me.announced.announce(site, method, concurrencyLibrary);
    if (concurrencyLibrary && !me.inRuntime && !me.released && me.execution.trace().on()) {
      me.inRuntime = true;
      try {
        me.execution.trace().libraryCallIs(me, site, method);
      } finally {
        leave(me);
      }
    }
  }

  @Override
  public void collectionCallDone() {
    ControlledThread me = ControlledRuntime.cached();
    if (me != null) me.announced.forget();
  }

  @Override
  public void collectionCreated(Object instance) {
    ControlledThread me = enter();
    if (me == null) return;
    try {
      CollectionRaces races = me.execution.collectionRaces();
      if (races == null || me.execution.aborting()) return;
      // Not claimed: collections the constructor creates inside were created on that line too.
      StackTraceElement caller = me.announced.constructorLocation();
      races.collectionCreated(instance, caller);
    } finally {
      leave(me);
    }
  }

  @Override
  public boolean collectionEnter(Object instance, String method, Object argument) {
    ControlledThread me = enter();
    if (me == null) return false;
    try {
      CollectionRaces races = me.execution.collectionRaces();
      if (races == null || me.execution.aborting()) return false;
      String operation = CollectionOperations.operationName(instance.getClass(), method);
      boolean tracked = races.accessBegins(me, instance, operation, method,
          CollectionOperations.kind(instance, method), argument, me.collectionDepth == 0,
          me.announced.claimForCollection(method));
      if (tracked) me.collectionDepth++;
      return tracked;
    } finally {
      leave(me);
    }
  }

  @Override
  public Object iterationStep(Object view, String method) {
    ControlledThread me = enter();
    if (me == null) return null;
    try {
      CollectionRaces races = me.execution.collectionRaces();
      if (races == null || me.execution.aborting()) return null;
      Object owner = ViewOwners.ownerOf(view);
      if (owner == null) return null;
      String operation = CollectionOperations.viewOperation(owner, view.getClass(), method);
      StackTraceElement caller = me.announced.claimForCollection(method);
      if (caller == null && me.taskOrigin != null) {
        // A parallel stream's own traversal on a ForkJoin worker (or on the thread that invoked
        // it): no application frame is on the stack, but the task came from the stream's line.
        caller = CollectionOperations.streamTaskStep(me.taskOrigin);
      }
      boolean tracked = races.accessBegins(me, owner, operation, method,
          CollectionOperations.kind(method), RaceFinding.NO_ARGUMENT, me.collectionDepth == 0,
          caller);
      if (!tracked) return null;
      me.collectionDepth++;
      return owner;
    } finally {
      leave(me);
    }
  }

  @Override
  public boolean objectAccess(Object instance, String method, int kind) {
    // Not enter() first: the JDK uses these objects everywhere, and only a call the application
    // announced counts; anything else returns after one thread-local read.
    ControlledThread cached = ControlledRuntime.cached();
    if (cached == null || cached.inRuntime || !cached.announced.awaits(method)) return false;
    ControlledThread me = enter();
    if (me == null) return false;
    try {
      StackTraceElement caller = me.announced.claimForCollection(method);
      CollectionRaces races = me.execution.collectionRaces();
      if (caller == null || races == null || me.execution.aborting()) return false;
      JdkObjectFamily family = JdkObjects.familyOf(instance);
      if (family == null) return false;
      boolean tracked = races.objectAccessBegins(me, instance,
          JdkObjects.operationName(instance.getClass(), method),
          JdkObjects.kind(instance, family, kind), me.collectionDepth == 0, caller);
      if (tracked) me.collectionDepth++;
      return tracked;
    } finally {
      leave(me);
    }
  }

  @Override
  public void objectCreated(Object instance) {
    ControlledThread cached = ControlledRuntime.cached();
    if (cached == null || cached.inRuntime || cached.announced.location() == null) return;
    ControlledThread me = enter();
    if (me == null) return;
    try {
      CollectionRaces races = me.execution.collectionRaces();
      if (races == null || me.execution.aborting() || JdkObjects.familyOf(instance) == null) {
        return;
      }
      // The announced call is a constructor or a factory (Calendar.getInstance, Pattern.matcher),
      // or one the object was made inside of: its line is where the object came from.
      races.objectCreated(instance, me.announced.location());
    } finally {
      leave(me);
    }
  }

  @Override
  public void collectionExit(Object instance) {
    ControlledThread me = recovered();
    if (me == null) return;
    me.collectionDepth--;
    if (me.inRuntime || me.released) return;
    me.inRuntime = true;
    try {
      CollectionRaces races = me.execution.collectionRaces();
      if (races != null) races.accessEnds(me, instance);
    } finally {
      leave(me);
    }
  }

  @Override
  public void concurrentMapOperation(Object map, boolean starting, String method) {
    // Not enter(): its bookkeeping uses ConcurrentHashMaps, which would call back in here.
    ControlledThread me = ControlledRuntime.cached();
    if (me == null || me.inRuntime || me.released || me.classInitDepth > 0) return;
    me.inRuntime = true;
    try {
      if (me.execution.aborting()) return;
      MemoryAccesses memory = me.execution.memory();
      if (starting) {
        UnseenJdkLocks.awaitNoOtherHolder(me, map);
        if (me.concurrentMapDepth++ == 0 && needsSchedulingPoint(me, method)) {
          memory.librarySchedulingPoint(me, false);
          me.execution.trace().concurrentMapCall(me, method);
          memory.sharedSynchronization(me, true);
        }
        if (UnseenJdkLocks.concurrentMapCallbackUnderLock(method)) UnseenJdkLocks.taken(me, map);
      } else {
        if (UnseenJdkLocks.concurrentMapCallbackUnderLock(method)) UnseenJdkLocks.released(me);
        if (--me.concurrentMapDepth == 0) memory.sharedSynchronization(me, false);
      }
    } finally {
      leave(me);
    }
  }

  /**
   * Whether a ConcurrentHashMap operation needs its own scheduling point: yes when application
   * code calls it through a plain Map; no when its call site already is one, or the JDK calls it.
   */
  private static boolean needsSchedulingPoint(ControlledThread me, String method) {
    Boolean announced = me.announced.claimForConcurrentMap(method);
    return announced != null ? announced : CollectionOperations.concurrentMapCalledByApplication();
  }
}

package dev.weft.internal.runtime;

import dev.weft.boot.Hooks;
import dev.weft.internal.agent.SiteRegistry;
import dev.weft.internal.failure.FieldLocation;
import dev.weft.internal.failure.HeldLock;
import dev.weft.internal.failure.ObjectId;
import dev.weft.internal.failure.RaceClassification;
import dev.weft.internal.failure.TraceEvent;
import dev.weft.internal.failure.Value;
import dev.weft.scheduler.StepKind;
import java.lang.reflect.Array;
import java.util.IdentityHashMap;
import java.util.List;

/**
 * The field race detector's side of one execution: every access of application code to a plain
 * field or an array element comes here ({@link FieldHookHandler}), is checked against the
 * location's last accesses with happens-before ({@link TrackedLocations}), and a race fails the
 * execution with its {@link FieldRaceFinding}. Exists only while field race detection is on.
 *
 * <p>Where the scheduling points go. By the DRF theorem, in a program without data races every
 * plain access commutes with what other threads do between two synchronization points, so
 * interleaving at plain accesses finds nothing new; and a race is found by happens-before in any
 * schedule in which both accesses happen, whatever their order. So an access is a scheduling point
 * only where that argument does not hold: on a location where a race was found but not reported
 * (in a library, or silenced as benign), so that what the race breaks can still be found, and
 * after {@link #POINT_AFTER} accesses of one thread without any scheduling point, so that a loop
 * that spins on a plain field lets the thread it waits for run. A thread-confined object costs
 * no point and, accessed again in the same epoch, not even a lookup.
 *
 * <p>The common case allocates nothing: the last locations checked are remembered (a few entries,
 * valid for the thread that holds the turn while its clock does not move), an access in the epoch
 * of the thread's own last access to the location is not checked again (FastTrack's same-epoch
 * case), and the locations' state is kept in primitive arrays. The traced run behind a report is the exception: it keeps each
 * access's stack and value.
 */
final class FieldRaces {
  /** Accesses of one thread without a scheduling point before one is forced. */
  static final int POINT_AFTER = 10_000;

  private final Execution execution;
  private final VectorClocks clocks;
  private final TraceRecorder trace;
  private final FieldRaceRules rules;
  private final TrackedLocations locations = new TrackedLocations();
  /** Where application code created objects and arrays; in the traced run only. */
  private final IdentityHashMap<Object, StackTraceElement> createdAt = new IdentityHashMap<>();
  /** Per site: 0 not decided yet, 1 tracked, 2 outside the run-time scope. */
  private byte[] siteScope = new byte[256];

  // The last accesses checked, one per key modulo CACHE: another one like it by the same thread
  // in the same epoch is covered. Keyed by field id (or index), so that a loop over a few fields
  // of one object hits it.
  private static final int CACHE = 8;
  private final Object[] cachedHolders = new Object[CACHE];
  private final int[] cachedKeys = new int[CACHE];
  /** By thread id (of this execution); -1: no thread. */
  private final int[] cachedThreads = {-1, -1, -1, -1, -1, -1, -1, -1};
  private final int[] cachedClocks = new int[CACHE];
  private final boolean[] cachedWrites = new boolean[CACHE];

  FieldRaces(Execution execution, FieldRaceRules rules) {
    this.execution = execution;
    this.clocks = execution.clocks();
    this.trace = execution.trace();
    this.rules = rules;
  }

  // ---- the hot path ------------------------------------------------------------------------------

  /** An access to field {@code field} of {@code holder} ({@link Hooks#STATIC_FIELD}: static). */
  void fieldAccess(Object holder, int field, boolean write, long bits, Object reference,
      int site) {
    if (holder == null) return; // about to throw a NullPointerException
    access(holder, field, write, bits, reference, site);
  }

  /** An access to element {@code index} of {@code array}. */
  void elementAccess(Object array, int index, boolean write, long bits, Object reference,
      int site) {
    if (array == null || index < 0) return; // about to throw
    access(array, -1 - index, write, bits, reference, site);
  }

  private void access(Object holder, int key, boolean write, long bits, Object reference,
      int site) {
    ControlledThread me = execution.running();
    if (me == null || me.thread != Thread.currentThread() || me.inRuntime
        || me.classInitDepth > 0) {
      return;
    }
    int c = key & (CACHE - 1);
    if (holder == cachedHolders[c] && key == cachedKeys[c] && me.id == cachedThreads[c]
        && (cachedWrites[c] || !write) && clocks.now(me.id) == cachedClocks[c]
        && ++me.fieldAccessesSincePoint < POINT_AFTER) {
      return;
    }
    me.inRuntime = true;
    try {
      checked(me, holder, key, write, bits, reference, site);
    } finally {
      me.inRuntime = false;
    }
  }

  private void checked(ControlledThread me, Object holder, int key, boolean write, long bits,
      Object reference, int site) {
    if (execution.aborting() || !tracked(site)) return;
    if (key < 0 && -1 - key >= Array.getLength(holder)) return; // about to throw
    int slot = locations.slot(holder, key);
    if (!trace.on() && locations.coveredInEpoch(slot, me.id, clocks.now(me.id), write)) {
      // FastTrack's same-epoch case: nothing to check or record; only the count goes on.
      if (++me.fieldAccessesSincePoint < POINT_AFTER) return;
    }
    boolean reported = false;
    boolean point = locations.isRacy(slot);
    if (!point && locations.conflicts(slot, me.id, write, clocks)) {
      reported = raced(me, slot, holder, key, write, bits, reference, site);
      point = true;
    }
    if (point || ++me.fieldAccessesSincePoint >= POINT_AFTER) {
      boolean spinning = !write && me.spinningAt(site);
      execution.schedulingPoint(me, stepObject(holder, key), write ? StepKind.WRITE
          : StepKind.READ, spinning);
      // Other threads ran: the table may have grown.
      slot = locations.slot(holder, key);
    }
    Object detail = detail(me, slot, holder, key, write, bits, reference, site);
    int clock = clocks.now(me.id);
    if (write) {
      locations.recordWrite(slot, me.id, clock, site, detail);
    } else {
      locations.recordRead(slot, me.id, clock, site, detail, clocks);
    }
    if (detail instanceof FieldAccess access && !reported) {
      trace.fieldAccess(me, access, event(holder, key, access));
    }
    int c = key & (CACHE - 1);
    if (locations.isRacy(slot)) {
      cachedHolders[c] = null;
    } else {
      cachedHolders[c] = holder;
      cachedKeys[c] = key;
      cachedThreads[c] = me.id;
      cachedClocks[c] = clock;
      cachedWrites[c] = write;
    }
  }

  /** Whether code at {@code site} is in the run-time scope; decided once per site. */
  private boolean tracked(int site) {
    if (site < 0) return true;
    if (site >= siteScope.length) {
      siteScope = java.util.Arrays.copyOf(siteScope, Math.max(site + 1, siteScope.length * 2));
    }
    byte verdict = siteScope[site];
    if (verdict == 0) {
      StackTraceElement where = SiteRegistry.location(site);
      verdict = where == null || rules.tracks(where.getClassName()) ? (byte) 1 : (byte) 2;
      siteScope[site] = verdict;
    }
    return verdict == 1;
  }

  private int stepObject(Object holder, int key) {
    StepObjects objects = execution.stepObjects();
    return holder == Hooks.STATIC_FIELD ? objects.ofField(key) : objects.ofLocation(holder, key);
  }

  /**
   * What is remembered of an access: in the traced run its value and stack, otherwise only the
   * locks held (a reference to the thread's cached lock set).
   */
  private Object detail(ControlledThread me, int slot, Object holder, int key, boolean write,
      long bits, Object reference, int site) {
    List<HeldLock> locks = execution.locks().heldBy(me);
    if (!trace.on()) return locks;
    Value value = write ? LocationValues.written(descriptor(holder, key), bits, reference)
        : valueNow(holder, key);
    return new FieldAccess(me, write, site, value, AccessStacks.capture(), locks,
        me.taskOrigin);
  }

  private static Value valueNow(Object holder, int key) {
    if (key < 0) return LocationValues.currentElement(holder, -1 - key);
    return LocationValues.currentField(holder, key, AccessStacks.callerClass());
  }

  // ---- races -------------------------------------------------------------------------------------

  /**
   * The access completes a race with the conflict {@link TrackedLocations} found; either way the
   * location is racy from now on. A reported race fails the execution (the traced run goes on, to
   * show what breaks). Returns whether the race was reported.
   */
  private boolean raced(ControlledThread me, int slot, Object holder, int key, boolean write,
      long bits, Object reference, int site) {
    FieldRace race = new FieldRace(location(holder, key),
        earlier(slot), later(me, slot, holder, key, write, bits, reference, site),
        classify(me, slot, holder, key, write, reference, site));
    locations.markRacy(slot);
    if (rules.silenced(race) != null) return false;
    trace.fieldRace(me, race, event(holder, key, race.later()));
    execution.raceFound(FieldRaceFinding.of(race));
    return true;
  }

  private FieldAccess earlier(int slot) {
    Object detail = locations.conflictDetail();
    if (detail instanceof FieldAccess access) return access;
    ControlledThread thread = execution.threads().get(locations.conflictThread());
    return FieldAccess.atSite(thread, locations.conflictWasWrite(), locations.conflictSite(),
        locks(detail));
  }

  /** What an exploring run remembered of an access: the locks its thread held. */
  @SuppressWarnings("unchecked")
  private static List<HeldLock> locks(Object detail) {
    return detail instanceof List<?> list ? (List<HeldLock>) list : List.of();
  }

  private FieldAccess later(ControlledThread me, int slot, Object holder, int key, boolean write,
      long bits, Object reference, int site) {
    Object detail = detail(me, slot, holder, key, write, bits, reference, site);
    return detail instanceof FieldAccess access ? access
        : FieldAccess.atSite(me, write, site, locks(detail));
  }

  /**
   * Whether the racing write may hand over an object the writing thread built or filled, which a
   * reader without ordering can see half done: unless the object's fields are seen and none was
   * last written by the writer (then it is a plain read/write race of the reference). An object
   * whose fields Weft does not see (a JDK collection, a class not instrumented) may be.
   */
  private boolean mayPublishWhatItBuilt(ControlledThread me, Object holder, int key,
      boolean write, Object reference) {
    Object published = write ? reference
        : LocationValues.currentObject(holder, key, AccessStacks.callerClass());
    if (published == null) return false;
    if (published == LocationValues.UNREADABLE) return true;
    int writer = write ? me.id : locations.conflictThread();
    return locations.builtBy(published, writer) != TrackedLocations.Builder.DID_NOT_WRITE_IT;
  }

  private RaceClassification.Pattern classify(ControlledThread me, int slot, Object holder, int key,
      boolean write, Object reference, int site) {
    boolean earlierWrite = locations.conflictWasWrite();
    int earlierSite = locations.conflictSite();
    int earlierHow = earlierWrite ? locations.flags(slot) : 0;
    int laterHow = write ? locations.writeFollowingOwnRead(slot, me.id, site) : 0;
    boolean earlierRmw = (earlierHow & TrackedLocations.READ_MODIFY_WRITE) != 0;
    boolean laterRmw = (laterHow & TrackedLocations.READ_MODIFY_WRITE) != 0;
    // A read racing with another thread's read-modify-write is most often the same update
    // (n++ in both threads) caught at its read, before it writes back.
    boolean readModifyWrite = (earlierRmw && (laterRmw || site == earlierSite || !write))
        || (laterRmw && site == earlierSite);
    boolean checkThenAct = ((earlierHow | laterHow) & TrackedLocations.WRITE_AFTER_CHECK) != 0;
    FieldLocation location = location(holder, key);
    if (readModifyWrite) return RaceClassification.Pattern.LOST_UPDATE;
    if (checkThenAct) {
      return location.holdsReference() ? RaceClassification.Pattern.LAZY_INITIALIZATION
          : RaceClassification.Pattern.CHECK_THEN_ACT;
    }
    if (earlierWrite && write) return RaceClassification.Pattern.NONE;
    if (location.holdsReference()) {
      return mayPublishWhatItBuilt(me, holder, key, write, reference)
          ? RaceClassification.Pattern.UNSAFE_PUBLICATION : RaceClassification.Pattern.NONE;
    }
    if (location.holdsBoolean()) return RaceClassification.Pattern.STOP_FLAG;
    return RaceClassification.Pattern.NONE;
  }

  /** The location as the report names it. */
  private FieldLocation location(Object holder, int key) {
    StackTraceElement created = createdAt.get(holder);
    if (key < 0) {
      return new FieldLocation(FieldLocation.Kind.ELEMENT, "", "",
          holder.getClass().getName().substring(1).replace('.', '/'), ObjectId.of(holder),
          -1 - key, Array.getLength(holder), created, false);
    }
    SiteRegistry.FieldInfo info = SiteRegistry.fieldInfo(key);
    String field = SiteRegistry.fieldName(key);
    int dot = field.lastIndexOf('.');
    String owner = info != null ? info.owner() : field.substring(0, dot);
    String name = info != null ? info.name() : field.substring(dot + 1);
    String descriptor = info != null && info.descriptor() != null ? info.descriptor() : "?";
    boolean benign = info != null && info.benign();
    if (holder == Hooks.STATIC_FIELD) {
      return new FieldLocation(FieldLocation.Kind.STATIC_FIELD, owner, name, descriptor, null,
          -1, -1, null, benign);
    }
    return new FieldLocation(FieldLocation.Kind.FIELD, owner, name, descriptor,
        ObjectId.of(holder), -1, -1, created, benign);
  }

  /** The type descriptor of a location, for rendering its values. */
  private static String descriptor(Object holder, int key) {
    if (key < 0) return holder.getClass().getName().substring(1);
    SiteRegistry.FieldInfo info = SiteRegistry.fieldInfo(key);
    return info == null || info.descriptor() == null ? "L" : info.descriptor();
  }

  /** The trace row of an access: the location's slot, its short name and the value. */
  private TraceEvent.FieldAccess event(Object holder, int key, FieldAccess access) {
    FieldLocation location = location(holder, key);
    String name;
    if (key < 0) {
      name = holder.getClass().getComponentType().getSimpleName() + "[" + (-1 - key) + "]";
    } else {
      String owner = location.owner();
      String simple = owner.substring(owner.lastIndexOf('.') + 1);
      name = simple.substring(simple.lastIndexOf('$') + 1) + "." + location.name();
    }
    return new TraceEvent.FieldAccess((FieldLocation.Slot) location.subject(), name,
        access.write(), access.value());
  }

  // ---- creation ----------------------------------------------------------------------------------

  /** Application code at {@code site} created {@code object}; remembered in the traced run. */
  void created(Object object, int site) {
    if (!trace.on()) return;
    ControlledThread me = execution.running();
    if (me == null || me.thread != Thread.currentThread() || me.inRuntime
        || me.classInitDepth > 0) {
      return;
    }
    StackTraceElement where = SiteRegistry.location(site);
    if (where == null) return;
    // The map is a JDK collection, whose hooks must not take it for the application's.
    me.inRuntime = true;
    try {
      createdAt.putIfAbsent(object, where);
    } finally {
      me.inRuntime = false;
    }
  }
}

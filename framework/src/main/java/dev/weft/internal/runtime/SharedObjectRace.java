package dev.weft.internal.runtime;

import dev.weft.internal.agent.JdkObjectFamily;

/**
 * What the race report says beyond a collection's race when the object is a JDK object that is
 * not thread-safe ({@link JdkObjects}), or an access-ordered LinkedHashMap whose {@code get} is a
 * write: the facts {@link SharedObjectRaceText} words. Immutable.
 *
 * @param family the JDK object's family, or null for a LinkedHashMap in access order
 * @param type the type as the user names it ({@code SimpleDateFormat}, {@code ByteBuffer})
 * @param hiddenWrite the write that looks like a read ({@code format}, {@code get()}), or null
 * @param locked whether either thread held a lock
 */
record SharedObjectRace(JdkObjectFamily family, String type, CollectionAccess hiddenWrite,
    boolean locked) {

  /** The JDK object facts of {@code race}, or null when it is an ordinary collection race. */
  static SharedObjectRace of(Race race) {
    Object instance = race.collection();
    boolean locked = !race.earlier().locksHeld().isEmpty() || !race.later().locksHeld().isEmpty();
    JdkObjectFamily family = JdkObjects.familyOf(instance);
    if (family != null) {
      return new SharedObjectRace(family, JdkObjects.typeName(instance.getClass()),
          hiddenWrite(race, family), locked);
    }
    if (instance instanceof java.util.LinkedHashMap
        && CollectionOperations.isAccessOrdered(instance)) {
      CollectionAccess get = accessOrderedGet(race.later()) ? race.later()
          : accessOrderedGet(race.earlier()) ? race.earlier() : null;
      if (get != null) return new SharedObjectRace(null, "LinkedHashMap", get, locked);
    }
    return null;
  }

  private static boolean accessOrderedGet(CollectionAccess access) {
    return access.write() && (method(access).equals("get") || method(access).equals("getOrDefault"));
  }

  /** A write of the pair whose name says read (format, find, a relative get): it needs a why. */
  private static CollectionAccess hiddenWrite(Race race, JdkObjectFamily family) {
    for (CollectionAccess access : new CollectionAccess[] {race.later(), race.earlier()}) {
      if (access.write() && SharedObjectRaceText.looksLikeARead(family, method(access))) {
        return access;
      }
    }
    return null;
  }

  /** {@code format} of {@code SimpleDateFormat.format}. */
  static String method(CollectionAccess access) {
    String op = access.operation();
    return op.substring(op.lastIndexOf('.') + 1);
  }
}

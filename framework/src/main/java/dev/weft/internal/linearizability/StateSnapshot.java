package dev.weft.internal.linearizability;

import java.lang.reflect.Array;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.concurrent.atomic.DoubleAccumulator;
import java.util.concurrent.atomic.DoubleAdder;
import java.util.concurrent.atomic.LongAccumulator;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.ReentrantLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.concurrent.locks.StampedLock;

/**
 * A key for the state of an arbitrary model object, so that the search can remember states it
 * has already explored: the object graph encoded canonically, field by field.
 *
 * <p>Equal keys must mean "behaves the same from here on", or the search would skip an order
 * that explains the history. The encoding therefore holds everything the object can observe:
 * every instance field of application classes (read by reflection), aliasing inside the graph
 * (a second path to an object is a back-reference), JDK collections and maps by their elements
 * in iteration order, atomics and adders by their values, JDK locks by whether they are held,
 * and value types (strings, boxed primitives, enums) by value. A state that holds an object the
 * encoding cannot read (a JDK object outside that list, a class in a module closed to
 * reflection), or more than {@link #MAX_TOKENS} values, gets no key: the search then explores it
 * without memoization, which costs time but never soundness. Keeping such an object by identity
 * would not do: the search reuses one model object along a path, and the same unreadable object
 * would look unchanged while its contents changed.
 *
 * <p>This assumes what a sequential model must satisfy anyway: its behaviour depends on its own
 * state only, not on identity hash codes, the clock or shared static state.
 */
final class StateSnapshot {
  /** Encoded values beyond which a state gets no key (and is not memoized). */
  static final int MAX_TOKENS = 20_000;

  private static final Set<Class<?>> VALUE_TYPES = Set.of(String.class, Integer.class,
      Long.class, Short.class, Byte.class, Character.class, Boolean.class, Double.class,
      Float.class, BigInteger.class, BigDecimal.class);
  /** JDK classes whose {@code toString} is exactly their value. */
  private static final Set<Class<?>> PRINTED_VALUES = Set.of(AtomicInteger.class,
      AtomicLong.class, AtomicBoolean.class, LongAdder.class, DoubleAdder.class,
      LongAccumulator.class, DoubleAccumulator.class, AtomicIntegerArray.class,
      AtomicLongArray.class);

  /** Instance fields of each application class, accessible; null when they cannot be read. */
  private static final ClassValue<Field[]> FIELDS = new ClassValue<>() {
    @Override
    protected Field[] computeValue(Class<?> type) {
      List<Field> fields = new ArrayList<>();
      for (Field f : type.getDeclaredFields()) {
        if (Modifier.isStatic(f.getModifiers())) continue;
        try {
          f.setAccessible(true);
        } catch (RuntimeException notOpen) {
          return null;
        }
        fields.add(f);
      }
      return fields.toArray(new Field[0]);
    }
  };

  private final List<Object> tokens = new ArrayList<>();
  private final IdentityHashMap<Object, Integer> seen = new IdentityHashMap<>();

  private StateSnapshot() {}

  /** The key of {@code model}'s current state, or null when it has none. */
  static Object of(Object model) {
    StateSnapshot s = new StateSnapshot();
    try {
      s.encode(model);
    } catch (RuntimeException noKeyOrUnreadable) {
      return null;
    }
    return new Key(s.tokens.toArray());
  }

  private void encode(Object o) {
    if (tokens.size() > MAX_TOKENS) throw new NoKey();
    if (o == null || VALUE_TYPES.contains(o.getClass()) || o instanceof Enum<?>) {
      tokens.add(o == null ? Null.NULL : o);
      return;
    }
    if (o instanceof Class<?> c) {
      // Not the bare class: that token announces an object of the class.
      tokens.add(new TypeValue(c));
      return;
    }
    Integer earlier = seen.get(o);
    if (earlier != null) {
      tokens.add(new BackReference(earlier));
      return;
    }
    seen.put(o, seen.size());
    Class<?> type = o.getClass();
    tokens.add(type);
    if (type.isArray()) {
      encodeArray(o);
    } else if (isJdk(type)) {
      encodeJdk(o);
    } else {
      encodeFields(o, type);
    }
  }

  private void encodeArray(Object array) {
    int n = Array.getLength(array);
    tokens.add(n);
    for (int i = 0; i < n; i++) encode(Array.get(array, i));
  }

  /** An application object: its fields, class by class, up to the first JDK superclass. */
  private void encodeFields(Object o, Class<?> type) {
    for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
      if (isJdk(c)) {
        if (declaresInstanceFields(c)) encodeJdkPart(o);
        return;
      }
      Field[] fields = FIELDS.get(c);
      if (fields == null) throw new NoKey();
      for (Field f : fields) {
        try {
          encode(f.get(o));
        } catch (IllegalAccessException e) {
          throw new NoKey();
        }
      }
    }
  }

  /** The JDK superclass part of an application object: readable only through its API. */
  private void encodeJdkPart(Object o) {
    if (!(o instanceof Collection<?>) && !(o instanceof Map<?, ?>)) throw new NoKey();
    encodeJdk(o);
  }

  private void encodeJdk(Object o) {
    Class<?> type = o.getClass();
    if (type == Object.class) return; // a plain lock object: no state
    if (PRINTED_VALUES.contains(type)) {
      tokens.add(o.toString());
    } else if (o instanceof Collection<?> c) {
      tokens.add(c.size());
      for (Object e : c) encode(e);
    } else if (o instanceof Map<?, ?> m) {
      tokens.add(m.size());
      for (Map.Entry<?, ?> e : m.entrySet()) {
        encode(e.getKey());
        encode(e.getValue());
      }
    } else if (o instanceof AtomicReference<?> r) {
      encode(r.get());
    } else if (o instanceof AtomicReferenceArray<?> a) {
      tokens.add(a.length());
      for (int i = 0; i < a.length(); i++) encode(a.get(i));
    } else if (o instanceof Optional<?> opt) {
      encode(opt.orElse(null));
    } else if (o instanceof ReentrantLock lock) {
      tokens.add(lock.getHoldCount());
    } else if (o instanceof ReentrantReadWriteLock lock) {
      tokens.add(lock.getReadLockCount());
      tokens.add(lock.getWriteHoldCount());
    } else if (o instanceof StampedLock lock) {
      tokens.add(lock.getReadLockCount());
      tokens.add(lock.isWriteLocked());
    } else if (o instanceof Semaphore semaphore) {
      tokens.add(semaphore.availablePermits());
    } else if (o instanceof CountDownLatch latch) {
      tokens.add(latch.getCount());
    } else {
      throw new NoKey();
    }
  }

  private static boolean declaresInstanceFields(Class<?> jdkClass) {
    for (Class<?> c = jdkClass; c != null && c != Object.class; c = c.getSuperclass()) {
      for (Field f : c.getDeclaredFields()) {
        if (!Modifier.isStatic(f.getModifiers())) return true;
      }
    }
    return false;
  }

  private static boolean isJdk(Class<?> type) {
    String name = type.getName();
    return name.startsWith("java.") || name.startsWith("javax.") || name.startsWith("jdk.")
        || name.startsWith("sun.");
  }

  /** The encoded state, compared element by element. */
  private static final class Key {
    private final Object[] tokens;
    private final int hash;

    Key(Object[] tokens) {
      this.tokens = tokens;
      this.hash = Arrays.hashCode(tokens);
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof Key k && k.hash == hash && Arrays.equals(k.tokens, tokens);
    }

    @Override
    public int hashCode() {
      return hash;
    }
  }

  private enum Null { NULL }

  private record BackReference(int index) {}

  private record TypeValue(Class<?> type) {}

  /** The state has no key: too large, or holding something the encoding cannot read. */
  private static final class NoKey extends RuntimeException {
    private static final long serialVersionUID = 1L;

    NoKey() {
      super(null, null, false, false);
    }
  }
}

package dev.weft.internal.agent;

import java.util.function.IntSupplier;

/**
 * Methods whose accesses {@link ConfinementAnalysisTest} expects checked or left alone. Never run
 * by the agent: its package is not instrumented, so the class file on disk is the original.
 */
@SuppressWarnings("unused")
final class ConfinementSample {
  static final class Tally {
    int count;
    long sum;
  }

  /** Its constructor publishes {@code this} before anyone could use it. */
  static final class Registered {
    static Registered last;
    int count;

    Registered() {
      last = this;
    }
  }

  /** Its constructor only fills its fields, through a constructor of its own. */
  static final class Filled {
    int count;
    long sum;

    Filled() {
      this(1);
      sum = 2;
    }

    Filled(int count) {
      this.count = count;
    }
  }

  static Tally shared;
  Tally field;
  static Object sink;

  static int confinedLoop() {
    Tally mine = new Tally();
    for (int i = 0; i < 10; i++) {
      mine.count++;
      mine.sum += i;
    }
    int[] squares = new int[10];
    for (int i = 0; i < squares.length; i++) squares[i] = i * i;
    return mine.count + squares[3] + (int) mine.sum;
  }

  static int arraysCopiedFilledAndClonedStayConfined() {
    int[] from = new int[4];
    java.util.Arrays.fill(from, 7);
    int[] to = new int[4];
    System.arraycopy(from, 0, to, 0, 4);
    int[] copy = to.clone();
    int[] longer = java.util.Arrays.copyOf(copy, 8);
    java.util.Arrays.sort(from);
    return to[1] + from[0] + copy[2] + longer.length;
  }

  static int lockedWhileConfined() {
    Tally mine = new Tally();
    synchronized (mine) {
      mine.count++;
    }
    return mine.count;
  }

  static int arrayOfObjectsSortedWithAComparator() {
    Integer[] boxes = new Integer[2];
    boxes[0] = 2;
    boxes[1] = 1;
    java.util.Arrays.sort(boxes, java.util.Comparator.naturalOrder());
    return boxes[0];
  }

  static int confinedThroughOwnConstructors() {
    Filled f = new Filled();
    f.count++;
    return f.count;
  }

  int storedInField() {
    Tally t = new Tally();
    t.count++;
    field = t;
    return t.count;
  }

  static int publishedAfterTheLoop() {
    Tally t = new Tally();
    for (int i = 0; i < 10; i++) t.count++;
    shared = t;
    return 0;
  }

  static int passedToAMethod() {
    Tally t = new Tally();
    t.count++;
    keep(t);
    return t.count;
  }

  static void keep(Object o) {
    sink = o;
  }

  static Tally returned() {
    Tally t = new Tally();
    t.count++;
    return t;
  }

  static int capturedByALambda() {
    Tally t = new Tally();
    t.count++;
    IntSupplier s = () -> t.count;
    return s.getAsInt();
  }

  static int putInAnArray() {
    Object[] box = new Object[1];
    Tally t = new Tally();
    box[0] = t;
    sink = box;
    t.count++;
    return t.count;
  }

  static int mergedWithAParameter(Tally p, boolean fresh) {
    Tally t = fresh ? new Tally() : p;
    t.count++;
    return t.count;
  }

  static int mergedInALocal(Tally p, boolean fresh) {
    Tally t = new Tally();
    if (!fresh) t = p;
    t.count++;
    return t.count;
  }

  static int thrown() {
    RuntimeException e = new RuntimeException();
    int[] a = new int[1];
    a[0]++;
    if (a[0] > 0) throw e;
    return a[0];
  }

  static int arrayPassedOn() {
    int[] a = new int[2];
    a[0] = 1;
    sink = a;
    return a[0];
  }

  static int publishingConstructor() {
    Registered r = new Registered();
    r.count++;
    return r.count;
  }
}

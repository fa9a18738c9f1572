package dev.weft.bench.peers;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The objects both tools check: small concurrent objects with a known verdict, each written the
 * way such bugs are written in real code. Plain Java, so that neither tool's annotations or
 * helpers leak into the code under test.
 */
final class Subjects {
  private Subjects() {}

  /** The three counters' calls, so that both tools drive them through one description. */
  interface Counter {
    int incrementAndGet();

    int get();
  }

  /** Reads a volatile and writes it back: two increments can both return the same value. */
  static final class VolatileCounter implements Counter {
    private volatile int value;

    public int incrementAndGet() {
      int next = value + 1;
      value = next;
      return next;
    }

    public int get() {
      return value;
    }
  }

  /** A plain int field incremented without a lock: the first test every user writes. */
  static final class PlainCounter implements Counter {
    private int value;

    public int incrementAndGet() {
      return ++value;
    }

    public int get() {
      return value;
    }
  }

  /** The same counter, correctly synchronized. */
  static final class SynchronizedCounter implements Counter {
    private int value;

    public synchronized int incrementAndGet() {
      return ++value;
    }

    public synchronized int get() {
      return value;
    }
  }

  /** A Treiber stack whose push sets the top instead of compare-and-setting it. */
  static final class NonCasStack {
    private record Node(int value, Node next) {}

    private final AtomicReference<Node> top = new AtomicReference<>();

    void push(int value) {
      top.set(new Node(value, top.get()));
    }

    Integer pop() {
      while (true) {
        Node t = top.get();
        if (t == null) return null;
        if (top.compareAndSet(t, t.next())) return t.value();
      }
    }
  }

  /** A check-then-act cache over a plain HashMap: two threads can both compute and both put. */
  static final class CheckThenActCache {
    private final Map<Integer, Integer> values = new HashMap<>();
    private final AtomicInteger computations = new AtomicInteger();

    /** Returns how many computations had run when this key's value was made: 1 once per key. */
    int computeIfAbsent(int key) {
      Integer v = values.get(key);
      if (v == null) {
        v = computations.incrementAndGet();
        values.put(key, v);
      }
      return v;
    }
  }

  /** A queue whose poll reads the head, then removes it: two polls can return the same element. */
  static final class PeekThenRemoveQueue {
    private final ConcurrentLinkedQueue<Integer> queue = new ConcurrentLinkedQueue<>();

    boolean offer(int value) {
      return queue.offer(value);
    }

    Integer poll() {
      Integer head = queue.peek();
      if (head != null) queue.remove(head);
      return head;
    }
  }

  /** A lazily computed cache that can run the loader twice and hand out two values for a key. */
  static final class LazyCache {
    private final ConcurrentHashMap<Integer, Integer> values = new ConcurrentHashMap<>();
    private final AtomicInteger loads = new AtomicInteger();

    int getOrCompute(int key) {
      Integer v = values.get(key);
      if (v == null) {
        v = key * 100 + loads.incrementAndGet();
        values.put(key, v);
      }
      return v;
    }
  }

  /** A map wrapper whose putIfAbsent is containsKey, then put, on a ConcurrentHashMap. */
  static final class CheckThenPutMap {
    private final ConcurrentHashMap<Integer, Integer> map = new ConcurrentHashMap<>();

    Integer putIfAbsent(int key, int value) {
      if (!map.containsKey(key)) {
        map.put(key, value);
        return null;
      }
      return map.get(key);
    }

    Integer get(int key) {
      return map.get(key);
    }
  }

  /** The JDK's lock-free queue: linearizable. */
  static final class JdkQueue {
    private final ConcurrentLinkedQueue<Integer> queue = new ConcurrentLinkedQueue<>();

    boolean offer(int value) {
      return queue.offer(value);
    }

    Integer poll() {
      return queue.poll();
    }
  }
}

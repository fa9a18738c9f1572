package dev.weft.linearizability;

import static dev.weft.linearizability.Explore.expectFailure;
import static dev.weft.linearizability.Explore.violation;
import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.Failure;
import dev.weft.Linearizability;
import dev.weft.Result;
import java.util.AbstractQueue;
import java.util.ArrayDeque;
import java.util.Iterator;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/**
 * Objects with no data race that are still wrong: each is found NOT_LINEARIZABLE within a few
 * hundred executions (fixed seed), with a report that names the conflicting calls.
 */
class NotLinearizableObjectsTest {

  /** Reads a volatile and writes it back: two increments can both return the same value. */
  static final class VolatileCounter {
    private volatile int value;

    int incrementAndGet() {
      int next = value + 1;
      value = next;
      return next;
    }

    int get() {
      return value;
    }
  }

  @Test
  void aCounterThatReadsAVolatileAndWritesItBack() {
    Result result = expectFailure(Failure.Kind.NOT_LINEARIZABLE, () ->
        Linearizability.of(VolatileCounter::new)
            .operation("incrementAndGet", VolatileCounter::incrementAndGet)
            .operation("get", VolatileCounter::get)
            .check());
    assertThat(violation(result).conflicting()).isNotEmpty();
    assertThat(result.report()).contains("incrementAndGet()");
  }

  /**
   * A stack on a volatile top whose pop holds a lock but whose push does not: the push reads the
   * top and writes a new one in two steps, and a push or pop between them is lost. Every access is
   * to a volatile, so there is no data race, only a history no sequential stack explains.
   */
  static final class NonCasStack {
    private record Node(int value, Node next) {}

    private volatile Node top;

    void push(int value) {
      top = new Node(value, top);
    }

    synchronized Integer pop() {
      Node t = top;
      if (t == null) return null;
      top = t.next();
      return t.value();
    }
  }

  @Test
  void aStackWhosePushIsNotACas() {
    expectFailure(Failure.Kind.NOT_LINEARIZABLE, () ->
        Linearizability.of(NonCasStack::new)
            .operation("push", 1, 3, (s, x) -> {
              s.push(x);
              return null;
            })
            .operation("pop", NonCasStack::pop)
            // a lost push shows only when later pops look for the element: four calls a thread
            .operationsPerThread(4)
            .check());
  }

  /** A queue whose poll reads the head and then removes it, without a lock around both. */
  static final class PeekThenRemoveQueue extends AbstractQueue<Integer> {
    private final ConcurrentLinkedQueue<Integer> items = new ConcurrentLinkedQueue<>();

    @Override
    public boolean offer(Integer value) {
      return items.offer(value);
    }

    @Override
    public Integer poll() {
      Integer head = items.peek();
      if (head != null) items.remove(head);
      return head;
    }

    @Override
    public Integer peek() {
      return items.peek();
    }

    @Override
    public int size() {
      return items.size();
    }

    @Override
    public Iterator<Integer> iterator() {
      return items.iterator();
    }
  }

  @Test
  void aQueueWhosePollReadsTheHeadThenRemovesItWithoutALock() {
    expectFailure(Failure.Kind.NOT_LINEARIZABLE, () ->
        Linearizability.<Queue<Integer>>of(PeekThenRemoveQueue::new)
            .operation("offer", 1, 3, Queue::offer)
            .operation("poll", Queue::poll)
            .sequentialModel(ArrayDeque::new)
            .check());
  }

  /** A cache that can run the loader twice for one key and hand out both values. */
  static final class LazyCache {
    private final ConcurrentHashMap<Integer, Integer> values = new ConcurrentHashMap<>();
    private final AtomicInteger loads = new AtomicInteger();

    Integer getOrCompute(int key) {
      Integer value = values.get(key);
      if (value == null) {
        value = key * 100 + loads.incrementAndGet();
        values.put(key, value);
      }
      return value;
    }
  }

  @Test
  void aLazyCacheThatCanRunTheLoaderTwice() {
    Result result = expectFailure(Failure.Kind.NOT_LINEARIZABLE, () ->
        Linearizability.of(LazyCache::new)
            .operation("getOrCompute", 1, 2, LazyCache::getOrCompute)
            .check());
    // two calls for one key handed out two different values
    var calls = violation(result).history().calls();
    assertThat(calls).anySatisfy(a -> assertThat(calls).anySatisfy(b -> {
      assertThat(b.argument()).isEqualTo(a.argument());
      assertThat(b.outcome().value()).isNotEqualTo(a.outcome().value());
    }));
  }

  /** putIfAbsent as get, then put: both of two racing callers see the key absent. */
  static final class CheckThenPutRegistry {
    private final ConcurrentHashMap<Integer, Integer> map = new ConcurrentHashMap<>();

    Integer putIfAbsent(int key, int value) {
      Integer existing = map.get(key);
      if (existing == null) map.put(key, value);
      return existing;
    }

    Integer get(int key) {
      return map.get(key);
    }
  }

  @Test
  void aMapWrapperWhosePutIfAbsentIsContainsKeyThenPut() {
    expectFailure(Failure.Kind.NOT_LINEARIZABLE, () ->
        Linearizability.of(CheckThenPutRegistry::new)
            .operation("putIfAbsent", 1, 2, (r, key) -> r.putIfAbsent(key, key * 10))
            .operation("get", 1, 2, CheckThenPutRegistry::get)
            .check());
  }

  /**
   * LongAdder's weakness written in application code: sum() reads the cells one after the other,
   * so against concurrent adds it can return a total the counter never held.
   */
  static final class StripedCounter {
    private final AtomicLong[] cells = {new AtomicLong(), new AtomicLong()};

    void add(int x) {
      cells[x % 2].addAndGet(x);
    }

    long sum() {
      return cells[0].get() + cells[1].get();
    }
  }

  @Test
  void aStripedSumThatReadsCellsOneByOne() {
    Result result = expectFailure(Failure.Kind.NOT_LINEARIZABLE, () ->
        Linearizability.of(StripedCounter::new)
            .operation("add", 1, 3, (c, x) -> {
              c.add(x);
              return null;
            })
            .operation("sum", StripedCounter::sum)
            .check());
    assertThat(violation(result).conflicting())
        .anyMatch(id -> violation(result).history().call(id).name().equals("sum"));
  }
}

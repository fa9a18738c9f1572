package dev.weft.linearizability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.weft.internal.linearizability.History;
import dev.weft.internal.linearizability.LinearizabilityCheck;
import dev.weft.internal.linearizability.Violation;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Queue;
import org.junit.jupiter.api.Test;

/**
 * The checker on hand-written histories, independent of the runtime: positions are explicit, so
 * each test says exactly which calls overlap. Thread numbers are 1-based as in reports.
 */
class CheckerTest {

  /** A plain sequential counter: the specification of every counter below. */
  static final class Counter {
    private int value;

    int incrementAndGet() {
      return ++value;
    }

    int addAndGet(int delta) {
      return value += delta;
    }

    int get() {
      return value;
    }
  }

  /** A sequential stack whose state is order-sensitive: memoization must not merge [1, 2] and [2, 1]. */
  static final class Stack {
    private final List<Integer> items = new ArrayList<>();

    Object push(int x) {
      items.add(x);
      return null;
    }

    Integer pop() {
      return items.isEmpty() ? null : items.remove(items.size() - 1);
    }
  }

  private static HistoryBuilder<Counter> counter(int threads) {
    return HistoryBuilder.of("Counter", threads, Counter::new)
        .operation("incrementAndGet", Counter::incrementAndGet)
        .operation("addAndGet", 1, 3, Counter::addAndGet)
        .operation("get", Counter::get);
  }

  @Test
  void aSequentialHistoryIsItsOwnLinearization() {
    LinearizabilityCheck.Verdict v = counter(2)
        .call(1, "incrementAndGet", 0, 1, 1)
        .call(2, "incrementAndGet", 2, 3, 2)
        .call(1, "get", 4, 5, 2)
        .verify();
    assertThat(v.linearizable()).isTrue();
    assertThat(v.linearization().order()).containsExactly(0, 1, 2);
  }

  @Test
  void overlappingCallsMayTakeEffectInEitherOrder() {
    // caller-1's call spans caller-2's: caller-2's increment took effect first.
    LinearizabilityCheck.Verdict v = counter(2)
        .call(1, "incrementAndGet", 0, 5, 2)
        .call(2, "incrementAndGet", 1, 3, 1)
        .verify();
    assertThat(v.linearizable()).isTrue();
    assertThat(v.linearization().order()).containsExactly(1, 0);
  }

  @Test
  void aLostUpdateIsNotLinearizableAndBothCallsConflict() {
    LinearizabilityCheck.Verdict v = counter(2)
        .call(1, "incrementAndGet", 0, 3, 1)
        .call(2, "incrementAndGet", 1, 2, 1)
        .verify();
    assertThat(v.linearizable()).isFalse();
    Violation violation = v.violation();
    assertThat(violation.conflicting()).containsExactly(0, 1);
    assertThat(violation.minimal()).isTrue();
    // the closest order gets everything right but one of the two increments, which gives 2
    assertThat(violation.mismatched()).hasSize(1);
    int wrong = violation.mismatched().get(0);
    assertThat(violation.closest().outcomeOf(wrong).value()).isEqualTo(2);
  }

  @Test
  void whenNoOrderFitsAllButOneCallTheClosestOrderRelaxesTheOthersToo() {
    // After the lost update, get() = 1 fits only one order of the increments, and that order
    // fits neither increment's result: the closest order gets get() wrong as well.
    Violation violation = counter(2)
        .call(1, "incrementAndGet", 0, 3, 1)
        .call(2, "incrementAndGet", 1, 2, 1)
        .call(1, "get", 4, 5, 1)
        .verify().violation();
    assertThat(violation.conflicting()).containsExactly(0, 1);
    assertThat(violation.mismatched()).hasSize(2).contains(2);
    assertThat(violation.closest().outcomeOf(2).value()).isEqualTo(2);
  }

  @Test
  void realTimeOrderIsRespected() {
    // The same results as above would be fine overlapping, but caller-1 returned before caller-2
    // started, so caller-1 must come first and cannot have seen 2.
    LinearizabilityCheck.Verdict v = counter(2)
        .call(1, "incrementAndGet", 0, 1, 2)
        .call(2, "incrementAndGet", 2, 3, 1)
        .verify();
    assertThat(v.linearizable()).isFalse();
    assertThat(v.violation().conflicting()).containsExactly(0);
  }

  @Test
  void theConflictIsTheEarliestOneNotALateObserverOfIt() {
    // Lost update between the first two increments; the later calls only observe it.
    LinearizabilityCheck.Verdict v = counter(2)
        .call(1, "incrementAndGet", 0, 3, 1)
        .call(2, "incrementAndGet", 1, 2, 1)
        .call(1, "incrementAndGet", 4, 5, 2)
        .call(2, "get", 6, 7, 2)
        .verify();
    assertThat(v.violation().conflicting()).containsExactly(0, 1);
  }

  @Test
  void aQueueIsCheckedAgainstArrayDeque() {
    HistoryBuilder<Queue<Integer>> sequentialOffers = queue()
        .call(1, "offer", 1, 0, 1, true)
        .call(2, "offer", 2, 2, 3, true)
        .call(1, "poll", 4, 5, 2);
    assertThat(sequentialOffers.verify().linearizable()).isFalse();

    HistoryBuilder<Queue<Integer>> overlappingOffers = queue()
        .call(1, "offer", 1, 0, 3, true)
        .call(2, "offer", 2, 1, 2, true)
        .call(1, "poll", 4, 5, 2);
    assertThat(overlappingOffers.verify().linearizable()).isTrue();
  }

  @Test
  void exceptionsMatchByClass() {
    HistoryBuilder<Queue<Integer>> emptyRemove = queue()
        .threw(1, "remove", 0, 1, NoSuchElementException.class);
    assertThat(emptyRemove.verify().linearizable()).isTrue();

    HistoryBuilder<Queue<Integer>> wrongException = queue()
        .threw(1, "remove", 0, 1, IllegalStateException.class);
    assertThat(wrongException.verify().linearizable()).isFalse();

    HistoryBuilder<Queue<Integer>> threwButShouldNot = queue()
        .call(2, "offer", 7, 0, 1, true)
        .threw(1, "remove", 2, 3, NoSuchElementException.class);
    assertThat(threwButShouldNot.verify().linearizable()).isFalse();
  }

  @Test
  void statesThatDifferOnlyInOrderAreNotMerged() {
    // Linearizable only if caller-2's push(2) took effect before caller-1's push(1), although
    // caller-1's started first: the search must explore [2, 1] after [1, 2] failed.
    LinearizabilityCheck.Verdict v = HistoryBuilder.of("Stack", 2, Stack::new)
        .operation("push", 1, 3, Stack::push)
        .operation("pop", Stack::pop)
        .call(1, "push", 1, 0, 3, null)
        .call(2, "push", 2, 1, 2, null)
        .call(1, "pop", 4, 5, 1)
        .call(2, "pop", 6, 7, 2)
        .verify();
    assertThat(v.linearizable()).isTrue();
    assertThat(v.linearization().order()).containsExactly(1, 0, 2, 3);
  }

  @Test
  void aSumThatReadsCellsOneByOneCanReturnAValueTheCounterNeverHeld() {
    // What LongAdder.sum() may do against concurrent adds: it read the first cell before
    // caller-1's add(2) and the second after caller-1's add(1). The counter held 0, 2 and 3.
    LinearizabilityCheck.Verdict v = HistoryBuilder.of("Adder", 2, Counter::new)
        .operation("add", 1, 3, Counter::addAndGet)
        .operation("sum", Counter::get)
        .call(1, "add", 2, 1, 2, 2)
        .call(1, "add", 1, 3, 4, 3)
        .call(2, "sum", 0, 5, 1)
        .verify();
    assertThat(v.linearizable()).isFalse();
    // calls are numbered by start: the sum started first
    assertThat(v.violation().conflicting()).containsExactly(0);
  }

  @Test
  void aWideHistoryIsDecidedWithMemoizedStates() {
    // Four threads of five increments that all overlap: 20! / 5!^4 (about 10^10) orders, but only
    // (5 + 1)^4 sets of linearized calls, each with one counter state.
    HistoryBuilder<Counter> wide = counter(4);
    int next = 1;
    for (int round = 0; round < 5; round++) {
      for (int thread = 1; thread <= 4; thread++) {
        int start = round * 10 + thread;
        wide.call(thread, "incrementAndGet", start, start + 9, next++);
      }
    }
    // the last call claims a value nobody could return: the search must exhaust every order
    wide.call(1, "get", 100, 101, 99);
    LinearizabilityCheck.Verdict v = wide.verify();
    assertThat(v.linearizable()).isFalse();
    assertThat(v.violation().conflicting()).containsExactly(20);
    assertThat(v.modelCalls()).isLessThan(100_000);
  }

  @Test
  void aHistoryTooLargeToDecideSaysSo() {
    // A model whose state the checker cannot read is explored without memoization.
    HistoryBuilder<Opaque> wide = HistoryBuilder.of("Opaque", 4, Opaque::new)
        .operation("add", 1, 3, Opaque::add)
        .operation("get", Opaque::get);
    for (int i = 0; i < 40; i++) wide.call(1 + i % 4, "add", 1, i, 100 + i, null);
    wide.call(1, "get", 200, 201, "impossible");
    assertThatThrownBy(() -> wide.verify(100_000)).isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("cannot tell whether it is linearizable")
        .hasMessageContaining("use fewer threads or operationsPerThread");
  }

  /** Its state lives in a JDK object the snapshot cannot read. */
  static final class Opaque {
    private final StringBuilder log = new StringBuilder();

    Object add(int x) {
      log.append(x);
      return null;
    }

    String get() {
      return log.toString();
    }
  }

  private static HistoryBuilder<Queue<Integer>> queue() {
    return HistoryBuilder.<Queue<Integer>>of("Queue", 2, ArrayDeque::new)
        .operation("offer", 1, 3, Queue::offer)
        .operation("poll", Queue::poll)
        .operation("remove", Queue::remove);
  }

  @Test
  void historiesRejectOverlappingPositions() {
    assertThatThrownBy(() -> counter(1).call(1, "get", 0, 2, 0).call(1, "get", 0, 3, 0)
        .history()).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> counter(1).call(1, "get", 3, 3, 0))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("end after it starts");
    assertThat(History.threadName(0)).isEqualTo("caller-1");
  }
}

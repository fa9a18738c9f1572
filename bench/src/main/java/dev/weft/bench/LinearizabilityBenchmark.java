package dev.weft.bench;

import dev.weft.Linearizability;
import dev.weft.Options;
import dev.weft.Result;
import dev.weft.Weft;
import dev.weft.internal.linearizability.Call;
import dev.weft.internal.linearizability.History;
import dev.weft.internal.linearizability.LinearizabilityCheck;
import dev.weft.internal.linearizability.Operation;
import dev.weft.internal.linearizability.Outcome;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Queue;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiFunction;
import java.util.function.Supplier;

/**
 * What linearizability checking costs. A main, not a test: timing belongs here.
 *
 * <ol>
 *   <li>The checker alone on histories of 4 threads x 5 calls, drawn from a simulated concurrent
 *       run of a correct object (each call takes effect at a random instant between its start and
 *       its end, so calls overlap as they do under Weft), and the same histories with one result
 *       changed, which are mostly not linearizable and also get explained.
 *   <li>{@code Weft.explore} with {@code Linearizability.check()} of 4 x 5 calls per execution,
 *       against the same calls made by plain threads without a check: the checking cost per
 *       execution inside the runtime.
 * </ol>
 *
 * <p>Run: {@code mvn -B -q install -DskipTests && mvn -B -q -pl bench package exec:exec
 * -Dbench.main=dev.weft.bench.LinearizabilityBenchmark}
 */
public final class LinearizabilityBenchmark {
  private LinearizabilityBenchmark() {}

  private static final int THREADS = 4;
  private static final int CALLS_PER_THREAD = 5;
  private static final int HISTORIES = 1_000;
  private static final int WARM_UP = 200;
  private static final int EXECUTIONS = 300;

  /** A sequential object for the simulation, with its operations. */
  private record Subject(String name, Supplier<?> model, List<Operation> operations) {}

  public static void main(String[] args) throws InterruptedException {
    System.out.println("Linearizability checker, histories of " + THREADS + " threads x "
        + CALLS_PER_THREAD + " calls (" + HISTORIES + " each, after " + WARM_UP + " warm-up;"
        + " CPU time of the checking thread)");
    for (Subject subject : subjects()) checkerAlone(subject);
    System.out.println();
    System.out.println("Weft.explore, " + EXECUTIONS + " executions of " + THREADS + " x "
        + CALLS_PER_THREAD + " AtomicInteger calls");
    inTheRuntime();
  }

  private static List<Subject> subjects() {
    return List.of(
        new Subject("counter (inc, add 1..3, get)", AtomicInteger::new, List.of(
            op("incrementAndGet", (c, x) -> ((AtomicInteger) c).incrementAndGet()),
            op("addAndGet", 1, 3, (c, x) -> ((AtomicInteger) c).addAndGet(x)),
            op("get", (c, x) -> ((AtomicInteger) c).get()))),
        new Subject("queue (offer 1..3, poll), ArrayDeque", ArrayDeque::new, List.of(
            op("offer", 1, 3, (q, x) -> queue(q).offer(x)),
            op("poll", (q, x) -> queue(q).poll()))),
        new Subject("stack (push 1..3, pop), application class", ListStack::new, List.of(
            op("push", 1, 3, (s, x) -> ((ListStack) s).push(x)),
            op("pop", (s, x) -> ((ListStack) s).pop()))));
  }

  private static void checkerAlone(Subject subject) {
    SplittableRandom random = new SplittableRandom(20261201L);
    for (int i = 0; i < WARM_UP; i++) {
      History h = simulate(subject, random);
      LinearizabilityCheck.verify(h, subject.model(), subject.operations());
      LinearizabilityCheck.verify(corrupt(h, random), subject.model(), subject.operations());
    }
    long[] linear = new long[HISTORIES];
    long[] decided = new long[HISTORIES];
    long[] explained = new long[HISTORIES];
    long linearCalls = 0;
    long brokenCalls = 0;
    int n = 0;
    for (int i = 0; i < HISTORIES; i++) {
      History h = simulate(subject, random);
      long t0 = cpuNanos();
      LinearizabilityCheck.Verdict v =
          LinearizabilityCheck.verify(h, subject.model(), subject.operations());
      linear[i] = cpuNanos() - t0;
      if (!v.linearizable()) throw new AssertionError("a simulated history failed: " + h);
      linearCalls += v.modelCalls();
      History broken = corrupt(h, random);
      t0 = cpuNanos();
      boolean linearizable =
          LinearizabilityCheck.linearization(broken, subject.model(), subject.operations())
              .isPresent();
      long decision = cpuNanos() - t0;
      if (linearizable) continue;
      t0 = cpuNanos();
      LinearizabilityCheck.Verdict b =
          LinearizabilityCheck.verify(broken, subject.model(), subject.operations());
      explained[n] = cpuNanos() - t0;
      decided[n++] = decision;
      brokenCalls += b.modelCalls();
    }
    decided = Arrays.copyOf(decided, n);
    explained = Arrays.copyOf(explained, n);
    System.out.printf("  %s%n    linearizable (%d): median %.1f us, p99 %.1f us, max %.1f us,"
            + " %d model calls on average%n", subject.name(), HISTORIES, micros(linear, 50),
        micros(linear, 99), micros(linear, 100), linearCalls / HISTORIES);
    System.out.printf("    one result changed, not linearizable (%d): decided in median %.1f us,"
            + " p99 %.1f us, max %.1f us; decided and explained in median %.1f us, p99 %.1f us,"
            + " max %.1f us, %d model calls on average%n", n, micros(decided, 50),
        micros(decided, 99), micros(decided, 100), micros(explained, 50), micros(explained, 99),
        micros(explained, 100), brokenCalls / Math.max(1, n));
  }

  /**
   * A history of a correct object: per thread, calls one after the other; globally, a random
   * interleaving of start, effect and end events, the effect applied to the model.
   */
  private static History simulate(Subject subject, SplittableRandom random) {
    Object model = subject.model().get();
    int[] next = new int[THREADS];
    int[] phase = new int[THREADS]; // 0 idle, 1 started, 2 took effect
    int[] start = new int[THREADS];
    int[] operation = new int[THREADS];
    Integer[] argument = new Integer[THREADS];
    Object[] result = new Object[THREADS];
    List<Call> calls = new ArrayList<>();
    int clock = 0;
    while (calls.size() < THREADS * CALLS_PER_THREAD) {
      int t = random.nextInt(THREADS);
      if (next[t] == CALLS_PER_THREAD) continue;
      if (phase[t] == 0) {
        operation[t] = random.nextInt(subject.operations().size());
        Operation o = subject.operations().get(operation[t]);
        argument[t] = o.hasArgument() ? o.min() + random.nextInt(o.range()) : null;
        start[t] = clock++;
        phase[t] = 1;
      } else if (phase[t] == 1) {
        result[t] = subject.operations().get(operation[t])
            .invoke(model, argument[t] == null ? 0 : argument[t]);
        phase[t] = 2;
      } else {
        calls.add(new Call(t, operation[t], subject.operations().get(operation[t]).name(),
            argument[t], start[t], clock++, Outcome.returned(result[t])));
        phase[t] = 0;
        next[t]++;
      }
    }
    return new History(subject.name(), THREADS, calls);
  }

  /** The history with one call's result replaced by another call's. */
  private static History corrupt(History h, SplittableRandom random) {
    List<Call> calls = new ArrayList<>(h.calls());
    int victim = random.nextInt(calls.size());
    Object other = calls.get(random.nextInt(calls.size())).outcome().value();
    Call c = calls.get(victim);
    Object changed = other != null && !other.equals(c.outcome().value()) ? other
        : c.outcome().value() instanceof Integer i ? Integer.valueOf(i + 1) : Integer.valueOf(7);
    calls.set(victim, new Call(c.thread(), c.operation(), c.name(), c.argument(), c.start(),
        c.end(), Outcome.returned(changed)));
    return new History(h.objectType(), h.threads(), calls);
  }

  private static Operation op(String name, BiFunction<Object, Integer, Object> call) {
    return Operation.withoutArgument(name, call);
  }

  private static Operation op(String name, int min, int max,
      BiFunction<Object, Integer, Object> call) {
    return Operation.withArgument(name, min, max, call);
  }

  @SuppressWarnings("unchecked")
  private static Queue<Integer> queue(Object q) {
    return (Queue<Integer>) q;
  }

  /** A sequential stack in application code: its state is read field by field. */
  static final class ListStack {
    private final List<Integer> items = new ArrayList<>();

    Object push(int x) {
      items.add(x);
      return null;
    }

    Integer pop() {
      return items.isEmpty() ? null : items.remove(items.size() - 1);
    }
  }

  private static void inTheRuntime() {
    Options options = Options.defaults().seed(20261201L).iterations(EXECUTIONS);
    Weft.Body checked = () -> Linearizability.of(AtomicInteger::new)
        .operation("incrementAndGet", AtomicInteger::incrementAndGet)
        .operation("addAndGet", 1, 3, AtomicInteger::addAndGet)
        .operation("get", AtomicInteger::get)
        .threads(THREADS).operationsPerThread(CALLS_PER_THREAD)
        .check();
    Weft.Body plain = () -> {
      AtomicInteger counter = new AtomicInteger();
      Thread[] threads = new Thread[THREADS];
      for (int t = 0; t < THREADS; t++) {
        threads[t] = new Thread(() -> {
          for (int i = 0; i < CALLS_PER_THREAD; i++) {
            if (i % 3 == 0) counter.incrementAndGet();
            else if (i % 3 == 1) counter.addAndGet(2);
            else counter.get();
          }
        });
        threads[t].start();
      }
      for (Thread t : threads) t.join();
    };
    Weft.explore(options.iterations(50), checked); // warm-up
    Weft.explore(options.iterations(50), plain);
    double checkedMs = Double.MAX_VALUE;
    double plainMs = Double.MAX_VALUE;
    for (int round = 0; round < 3; round++) {
      checkedMs = Math.min(checkedMs, perExecution(options, checked));
      plainMs = Math.min(plainMs, perExecution(options, plain));
    }
    System.out.println("  (wall time, the fastest of 3 rounds each)");
    System.out.printf("  with check():         %6.2f ms per execution%n", checkedMs);
    System.out.printf("  same calls, no check: %6.2f ms per execution%n", plainMs);
    System.out.printf("  checking cost:        %6.2f ms per execution%n", checkedMs - plainMs);
  }

  private static double perExecution(Options options, Weft.Body body) {
    long t0 = System.nanoTime();
    Result r = Weft.explore(options, body);
    if (r.failed()) throw new AssertionError(r.report());
    return (System.nanoTime() - t0) / 1e6 / r.executions();
  }

  /**
   * CPU time of this thread: the machine this runs on is shared, and wall time would measure the
   * other processes too. The checker runs on one thread, so its CPU time is its cost.
   */
  private static long cpuNanos() {
    return THREAD_TIMES.getCurrentThreadCpuTime();
  }

  private static final ThreadMXBean THREAD_TIMES = ManagementFactory.getThreadMXBean();

  private static double micros(long[] nanos, int percentile) {
    long[] sorted = nanos.clone();
    Arrays.sort(sorted);
    int index = Math.min(sorted.length - 1, (int) ((long) sorted.length * percentile / 100));
    return sorted[index] / 1e3;
  }
}

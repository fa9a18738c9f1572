package dev.weft.internal.linearizability;

import dev.weft.internal.diagnosis.UsageError;
import dev.weft.internal.agent.SiteRegistry;
import dev.weft.internal.runtime.ControlledRuntime;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * What {@code Linearizability.check()} does in one execution: run a scenario on controlled
 * threads, then check its history with control suspended (the model is called thousands of
 * times, and none of that is part of the program under test), and throw {@link
 * NotLinearizableError} when no order explains it.
 */
public final class LinearizabilityCheck {
  private LinearizabilityCheck() {}

  /**
   * Model calls one check may make, search and explanation together: far more than a history of
   * 4 threads x 5 calls needs (see LinearizabilityBenchmark), and about a second of work, well
   * within the watchdog's stall timeout.
   */
  static final long MODEL_CALL_BUDGET = 1_000_000;

  private static final String API_CLASS = "dev.weft.Linearizability";
  /** Site ids of check() calls, one per line of source: the registry keeps what it is given. */
  private static final ConcurrentHashMap<StackTraceElement, Integer> SITES =
      new ConcurrentHashMap<>();

  /**
   * @param implementation creates the object under test
   * @param model creates the sequential model, or null to use {@code implementation}
   */
  public static void run(Supplier<?> implementation, Supplier<?> model,
      List<Operation> operations, int threads, int operationsPerThread) {
    long calls = (long) threads * operationsPerThread;
    if (calls > History.MAX_CALLS) {
      throw new IllegalArgumentException("Linearizability: threads(" + threads + ") x"
          + " operationsPerThread(" + operationsPerThread + ") = " + calls + " calls, but a"
          + " history holds at most " + History.MAX_CALLS + "; use fewer (up to 4 x 5 checks in"
          + " milliseconds)");
    }
    requireExecution();
    StackTraceElement caller = ControlledRuntime.withoutControl(LinearizabilityCheck::caller);
    int site = ControlledRuntime.withoutControl(() -> siteOf(caller));
    Object target = implementation.get();
    if (target == null) {
      throw new UsageError("Linearizability.of(...): the supplier returned null; it"
          + " must create the object under test, e.g. Linearizability.of(Counter::new)");
    }
    History history = ScenarioRun.run(target, typeName(target), operations, threads,
        operationsPerThread, site);
    String checkedAt = caller == null ? "?" : caller.getFileName() + ":" + caller.getLineNumber();
    String modelDescription = model == null
        ? "the implementation itself (a fresh " + history.objectType() + ")" : null;
    Verdict verdict = ControlledRuntime.withoutControl(() -> {
      rejectSelfReturns(history, target);
      return verify(history, target, model != null ? model : implementation, operations,
          modelDescription, checkedAt, MODEL_CALL_BUDGET);
    });
    if (!verdict.linearizable()) throw new NotLinearizableError(verdict.violation());
  }

  /**
   * What checking one history found: an order that explains it, or the violation with its
   * explanation; and the model calls it took (the search's work, a measure independent of time).
   */
  public record Verdict(Witness linearization, Violation violation, long modelCalls) {
    public boolean linearizable() {
      return violation == null;
    }
  }

  /**
   * Checks a history on its own, outside any execution: for hand-written histories and
   * benchmarks.
   *
   * @param model creates fresh sequential models
   * @param operations the operations the calls' operation indices refer to
   */
  public static Verdict verify(History history, Supplier<?> model, List<Operation> operations) {
    return verify(history, model, operations, MODEL_CALL_BUDGET);
  }

  /**
   * Only decides: an order that explains the history, or empty, without explaining a failure.
   *
   * @throws IllegalStateException when the budget of model calls ran out
   */
  public static Optional<Witness> linearization(History history, Supplier<?> model,
      List<Operation> operations) {
    SequentialModel sequential =
        new SequentialModel(model, operations, MODEL_CALL_BUDGET, null);
    try {
      return new LinearizabilityChecker(sequential).check(history, 0L);
    } catch (SequentialModel.BudgetExhausted e) {
      throw new UsageError("budget of " + MODEL_CALL_BUDGET + " model calls exhausted");
    }
  }

  /** Like {@link #verify(History, Supplier, List)} with another budget of model calls. */
  public static Verdict verify(History history, Supplier<?> model, List<Operation> operations,
      long budget) {
    return verify(history, null, model, operations, null, "?", budget);
  }

  private static Verdict verify(History history, Object target, Supplier<?> model,
      List<Operation> operations, String modelDescription, String checkedAt, long budget) {
    SequentialModel sequential = new SequentialModel(model, operations, budget, target);
    Optional<Witness> order;
    try {
      order = new LinearizabilityChecker(sequential).check(history, 0L);
    } catch (SequentialModel.BudgetExhausted e) {
      throw new UsageError("Linearizability.check(): the history of " + history.size()
          + " calls needed more than " + budget + " model calls to check, so Weft"
          + " cannot tell whether it is linearizable; use fewer threads or operationsPerThread"
          + " (4 x 5 checks in milliseconds). History: " + history);
    }
    if (order.isPresent()) return new Verdict(order.get(), null, sequential.calls());
    String description = modelDescription != null ? modelDescription
        : "a fresh " + sequential.modelType();
    Violation violation =
        new ViolationExplainer(sequential).explain(history, description, checkedAt);
    return new Verdict(null, violation, sequential.calls());
  }

  /** Calls that returned the object under test itself cannot be compared with a model's. */
  private static void rejectSelfReturns(History history, Object target) {
    for (Call c : history.calls()) {
      if (!c.outcome().threw() && c.outcome().value() == target) {
        throw new IllegalArgumentException("Linearizability: operation \"" + c.name() + "\""
            + " returned the object under test itself; return a value that says what the call"
            + " did instead (the element, a count, a flag)");
      }
    }
  }

  private static void requireExecution() {
    try {
      ControlledRuntime.choose(1);
    } catch (IllegalStateException outside) {
      throw new UsageError("Linearizability.check() must run inside a Weft execution:"
          + " call it in the body of a @RaceTest method or of Weft.explore(...)");
    }
  }

  /** The frame that called {@code Linearizability.check()}, or null. */
  private static StackTraceElement caller() {
    StackTraceElement[] stack = new Throwable().getStackTrace();
    for (int i = stack.length - 2; i >= 0; i--) {
      if (stack[i].getClassName().equals(API_CLASS)) return stack[i + 1];
    }
    return null;
  }

  private static int siteOf(StackTraceElement frame) {
    if (frame == null) return -1;
    return SITES.computeIfAbsent(frame, f -> SiteRegistry.site(f.getClassName(),
        f.getMethodName(), f.getFileName(), f.getLineNumber()));
  }

  private static String typeName(Object target) {
    String simple = target.getClass().getSimpleName();
    return simple.isEmpty() ? target.getClass().getName() : simple;
  }
}

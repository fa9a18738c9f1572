package dev.weft.internal.linearizability;

import dev.weft.internal.diagnosis.UsageError;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * The sequential specification: fresh model objects and the operations applied to them one at a
 * time. Counts every call it makes against the budget of one whole check (the verdict, then the
 * explanation of a failure), so that a history too large to check ends with a clear message long
 * before the watchdog would declare the execution stalled.
 */
final class SequentialModel {
  private final Supplier<?> factory;
  private final List<Operation> operations;
  private long budget;
  private final Object implementation;
  private long calls;
  private String modelType;
  private Object lastFresh;

  /**
   * @param factory creates a fresh model in its initial state
   * @param budget most model calls allowed, all searches together
   * @param implementation the object under test, which must never come back as a model
   */
  SequentialModel(Supplier<?> factory, List<Operation> operations, long budget,
      Object implementation) {
    this.factory = Objects.requireNonNull(factory, "factory");
    this.operations = List.copyOf(operations);
    this.budget = budget;
    this.implementation = implementation;
  }

  /** A fresh model object. */
  Object fresh() {
    Object model = factory.get();
    if (model == null) {
      throw new UsageError("Linearizability: the sequential model's supplier returned"
          + " null; it must return a fresh object in its initial state");
    }
    if (model == implementation || model == lastFresh) {
      throw new UsageError("Linearizability: a supplier returned the same object"
          + " twice; it must create a fresh object in its initial state on every call (such as"
          + " Counter::new, not () -> counter), since the model is rebuilt many times");
    }
    lastFresh = model;
    if (modelType == null) modelType = model.getClass().getSimpleName();
    return model;
  }

  /** Applies {@code call}'s operation and argument to {@code model}; returns what it did. */
  Outcome apply(Object model, Call call) {
    if (++calls > budget) throw new BudgetExhausted();
    try {
      return Outcome.returned(operations.get(call.operation())
          .invoke(model, call.argument() == null ? 0 : call.argument()));
    } catch (VirtualMachineError fatal) {
      throw fatal;
    } catch (Throwable thrown) {
      return Outcome.threw(thrown);
    }
  }

  /** Allows at most {@code more} calls from now on (fewer if the budget is nearer). */
  void limitFurtherCallsTo(long more) {
    budget = Math.min(budget, calls + more);
  }

  /** Model calls made so far. */
  long calls() {
    return calls;
  }

  /** The simple class name of the models created, or null before the first. */
  String modelType() {
    return modelType;
  }

  /** Thrown when the budget of model calls is used up: the search cannot tell. */
  static final class BudgetExhausted extends RuntimeException {
    private static final long serialVersionUID = 1L;

    BudgetExhausted() {
      super("budget of model calls exhausted", null, false, false);
    }
  }
}

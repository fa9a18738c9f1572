package dev.weft;

import dev.weft.internal.linearizability.LinearizabilityCheck;
import dev.weft.internal.linearizability.Operation;
import java.util.List;
import java.util.Objects;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Tests a concurrent object for linearizability: every history of concurrent calls must be
 * explainable by some sequential order of the same calls that respects their real-time order (a
 * call that returned before another began comes first) and gives the same results.
 *
 * <pre>{@code
 * @RaceTest
 * void counterIsLinearizable() {
 *   Linearizability.of(Counter::new)                              // a fresh object per execution
 *       .operation("incrementAndGet", Counter::incrementAndGet)   // no argument
 *       .operation("addAndGet", 1, 3, Counter::addAndGet)         // one int argument in [1, 3]
 *       .operation("get", Counter::get)
 *       .threads(2).operationsPerThread(3)
 *       .check();
 * }
 * }</pre>
 *
 * <p>{@link #check()} runs inside an execution of {@code @RaceTest} or {@link Weft#explore}. Each
 * execution draws a scenario (which operations, with which arguments, on which thread) from the
 * execution's recorded choices, so a replay token replays the scenario too, and shrinking a
 * failure removes calls as well as preemptions. The calls run on {@code threads} controlled
 * threads named {@code caller-1}, {@code caller-2}, ...; every Weft primitive applies inside
 * them, so a data race or a deadlock inside the object is reported as such, before the history
 * is checked. A history that no sequential order explains fails the execution with {@link
 * Failure.Kind#NOT_LINEARIZABLE}; the report shows what each thread saw and the smallest set of
 * calls that cannot be ordered.
 *
 * <p>Results are compared with {@code equals} (arrays element by element); a call that threw
 * matches a sequential call that threw an exception of the same class. Operations should return
 * values that say what the call did (an element, a count, a flag), never the object itself or a
 * live view of it. Instances are immutable: every method returns a new one.
 *
 * @param <T> the type of the object under test, and of its sequential model
 */
public final class Linearizability<T> {
  /** Threads when {@link #threads} is not called. */
  public static final int DEFAULT_THREADS = 2;
  /** Calls per thread when {@link #operationsPerThread} is not called. */
  public static final int DEFAULT_OPERATIONS_PER_THREAD = 3;

  private final Supplier<T> implementation;
  private final Supplier<? extends T> model;
  private final List<Operation> operations;
  private final int threads;
  private final int operationsPerThread;

  private Linearizability(Supplier<T> implementation, Supplier<? extends T> model,
      List<Operation> operations, int threads, int operationsPerThread) {
    this.implementation = implementation;
    this.model = model;
    this.operations = List.copyOf(operations);
    this.threads = threads;
    this.operationsPerThread = operationsPerThread;
  }

  /**
   * Starts a check of the objects {@code implementation} creates: one fresh object per execution,
   * created on the body's thread before the calls start.
   */
  public static <T> Linearizability<T> of(Supplier<T> implementation) {
    Objects.requireNonNull(implementation,
        "implementation: pass a supplier of fresh objects, e.g. Linearizability.of(Counter::new)");
    return new Linearizability<>(implementation, null, List.of(), DEFAULT_THREADS,
        DEFAULT_OPERATIONS_PER_THREAD);
  }

  /** Adds an operation without argument, such as {@code Counter::incrementAndGet}. */
  public Linearizability<T> operation(String name, Function<T, ?> call) {
    Objects.requireNonNull(call, () -> "operation \"" + name + "\": the call is null");
    return with(Operation.withoutArgument(name, erased(call)));
  }

  /**
   * Adds an operation with one int argument, drawn in each call from {@code [min, max]}. Shrinking
   * moves arguments towards {@code min}.
   */
  public Linearizability<T> operation(String name, int min, int max,
      BiFunction<T, Integer, ?> call) {
    Objects.requireNonNull(call, () -> "operation \"" + name + "\": the call is null");
    return with(Operation.withArgument(name, min, max, erased(call)));
  }

  /** Number of threads that make calls concurrently (at least 1; default 2). */
  public Linearizability<T> threads(int threads) {
    if (threads < 1) {
      throw new IllegalArgumentException("threads must be at least 1, was " + threads
          + "; use e.g. threads(2)");
    }
    return new Linearizability<>(implementation, model, operations, threads, operationsPerThread);
  }

  /**
   * Most calls each thread makes (at least 1; default 3). Exploration draws full scenarios;
   * shrinking a failure drops calls.
   */
  public Linearizability<T> operationsPerThread(int operationsPerThread) {
    if (operationsPerThread < 1) {
      throw new IllegalArgumentException("operationsPerThread must be at least 1, was "
          + operationsPerThread + "; use e.g. operationsPerThread(3)");
    }
    return new Linearizability<>(implementation, model, operations, threads, operationsPerThread);
  }

  /**
   * A reference implementation of the same type, such as {@code ArrayDeque::new} for a
   * concurrent queue, called one operation at a time to decide which results are correct. By
   * default the implementation itself is the model. The model must be deterministic and must not
   * block: the same calls in the same order always give the same results.
   */
  public Linearizability<T> sequentialModel(Supplier<? extends T> model) {
    Objects.requireNonNull(model,
        "sequentialModel: pass a supplier of fresh models, e.g. sequentialModel(ArrayDeque::new)");
    return new Linearizability<>(implementation, model, operations, threads, operationsPerThread);
  }

  /**
   * Runs one scenario on fresh threads, waits for them and checks the history. Call it inside the
   * body of a {@code @RaceTest} or of {@link Weft#explore}: each execution then checks one
   * scenario.
   *
   * @throws IllegalStateException outside a Weft execution, or when no operation was added
   * @throws AssertionError (reported as {@link Failure.Kind#NOT_LINEARIZABLE}) when no sequential
   *     order explains the history
   */
  public void check() {
    if (operations.isEmpty()) {
      throw new IllegalStateException("Linearizability.check(): no operations; add at least one"
          + " with operation(name, call), e.g. .operation(\"get\", Counter::get)");
    }
    LinearizabilityCheck.run(implementation, model, operations, threads, operationsPerThread);
  }

  private Linearizability<T> with(Operation operation) {
    for (Operation existing : operations) {
      if (existing.name().equals(operation.name())) {
        throw new IllegalArgumentException("operation \"" + operation.name() + "\" is defined"
            + " twice; give each operation its own name");
      }
    }
    // An array, not an ArrayList: the body runs under Weft, whose race detector would track it.
    Operation[] more = operations.toArray(new Operation[operations.size() + 1]);
    more[operations.size()] = operation;
    return new Linearizability<>(implementation, model, List.of(more), threads,
        operationsPerThread);
  }

  @SuppressWarnings("unchecked")
  private static BiFunction<Object, Integer, Object> erased(Function<?, ?> call) {
    Function<Object, Object> f = (Function<Object, Object>) call;
    return (target, ignored) -> f.apply(target);
  }

  @SuppressWarnings("unchecked")
  private static BiFunction<Object, Integer, Object> erased(BiFunction<?, Integer, ?> call) {
    return (BiFunction<Object, Integer, Object>) call;
  }

  @Override
  public String toString() {
    StringBuilder names = new StringBuilder();
    for (Operation o : operations) {
      names.append(names.length() == 0 ? "" : ", ").append(o.signature());
    }
    return "Linearizability{operations=[" + names + "], threads=" + threads
        + ", operationsPerThread=" + operationsPerThread + ", model="
        + (model == null ? "the implementation" : "given") + '}';
  }
}

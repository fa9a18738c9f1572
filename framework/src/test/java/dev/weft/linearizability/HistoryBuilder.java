package dev.weft.linearizability;

import dev.weft.internal.linearizability.Call;
import dev.weft.internal.linearizability.History;
import dev.weft.internal.linearizability.LinearizabilityCheck;
import dev.weft.internal.linearizability.Operation;
import dev.weft.internal.linearizability.Outcome;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.Supplier;

/** Hand-written histories for checker tests: operations, then calls with explicit positions. */
final class HistoryBuilder<T> {
  private final String type;
  private final int threads;
  private final Supplier<T> model;
  private final List<Operation> operations = new ArrayList<>();
  private final List<Call> calls = new ArrayList<>();

  private HistoryBuilder(String type, int threads, Supplier<T> model) {
    this.type = type;
    this.threads = threads;
    this.model = model;
  }

  static <T> HistoryBuilder<T> of(String type, int threads, Supplier<T> model) {
    return new HistoryBuilder<>(type, threads, model);
  }

  @SuppressWarnings("unchecked")
  HistoryBuilder<T> operation(String name, Function<T, ?> call) {
    operations.add(Operation.withoutArgument(name,
        (target, ignored) -> ((Function<Object, Object>) (Function<?, ?>) call).apply(target)));
    return this;
  }

  @SuppressWarnings("unchecked")
  HistoryBuilder<T> operation(String name, int min, int max, BiFunction<T, Integer, ?> call) {
    operations.add(Operation.withArgument(name, min, max,
        (BiFunction<Object, Integer, Object>) (BiFunction<?, ?, ?>) call));
    return this;
  }

  /** A call on {@code thread} (1-based, as in reports) that returned {@code result}. */
  HistoryBuilder<T> call(int thread, String name, int start, int end, Object result) {
    return add(thread, name, null, start, end, Outcome.returned(result));
  }

  HistoryBuilder<T> call(int thread, String name, int argument, int start, int end,
      Object result) {
    return add(thread, name, argument, start, end, Outcome.returned(result));
  }

  HistoryBuilder<T> threw(int thread, String name, int start, int end,
      Class<? extends Throwable> type) {
    return add(thread, name, null, start, end, Outcome.threw(type));
  }

  private HistoryBuilder<T> add(int thread, String name, Integer argument, int start, int end,
      Outcome outcome) {
    calls.add(new Call(thread - 1, index(name), name, argument, start, end, outcome));
    return this;
  }

  private int index(String name) {
    for (int i = 0; i < operations.size(); i++) {
      if (operations.get(i).name().equals(name)) return i;
    }
    throw new IllegalArgumentException("no operation " + name);
  }

  History history() {
    return new History(type, threads, calls);
  }

  LinearizabilityCheck.Verdict verify() {
    return LinearizabilityCheck.verify(history(), model, operations);
  }

  LinearizabilityCheck.Verdict verify(long budget) {
    return LinearizabilityCheck.verify(history(), model, operations, budget);
  }
}

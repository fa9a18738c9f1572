package dev.weft.internal.linearizability;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Explains a history that is not linearizable: which calls cannot be ordered, and the order that
 * comes closest.
 *
 * <p>Dropping calls outright would mislead: without an earlier {@code incrementAndGet()}, a later
 * one returning 2 is unexplainable on its own, and the "smallest" set would blame it alone. So a
 * call leaves the set by being <em>relaxed</em> instead: its effect still counts, but any outcome
 * is accepted. The explainer relaxes calls, the latest started first, as long as the history stays
 * non-linearizable; the calls left are the conflict, and relaxing any one of them makes the
 * history linearizable. Relaxing later calls first keeps the earliest conflict, the one closest to
 * the cause, rather than a late observer of it.
 *
 * <p>An explanation costs more than the verdict (each step is a search with more freedom), so it
 * gets a budget of its own, {@link #MODEL_CALLS}: when that runs out the report names a
 * conflicting set that is not minimal and says so, rather than holding up the execution.
 */
final class ViolationExplainer {
  /** Model calls an explanation may make after the verdict. */
  static final long MODEL_CALLS = 200_000;

  private final SequentialModel model;
  private final LinearizabilityChecker checker;

  ViolationExplainer(SequentialModel model) {
    this.model = model;
    this.checker = new LinearizabilityChecker(model);
  }

  /**
   * Explains {@code history}, known not to be linearizable, within {@link #MODEL_CALLS} more model
   * calls; returns a less minimal explanation rather than none when they run out.
   */
  Violation explain(History history, String modelDescription, String checkedAt) {
    int n = history.size();
    model.limitFurtherCallsTo(MODEL_CALLS);
    Relaxation relaxation = relaxAllThatCanGo(history);
    long relaxed = relaxation.relaxed();
    boolean minimal = relaxation.complete();
    List<Integer> conflicting = new ArrayList<>();
    for (int c = 0; c < n; c++) {
      if ((relaxed & (1L << c)) == 0) conflicting.add(c);
    }
    Witness closest = null;
    if (minimal) {
      try {
        closest = closest(history, conflicting, relaxed);
      } catch (SequentialModel.BudgetExhausted e) {
        // The report goes without an example order.
      }
    }
    List<Integer> mismatched = new ArrayList<>();
    if (closest != null) {
      for (int c = 0; c < n; c++) {
        if (!closest.outcomeOf(c).matches(history.call(c).outcome())) mismatched.add(c);
      }
    }
    return new Violation(history, conflicting, minimal, closest, mismatched, modelDescription,
        checkedAt);
  }

  /** The calls relaxed, and whether relaxing went through to the end (it is 1-minimal then). */
  private record Relaxation(long relaxed, boolean complete) {}

  /**
   * Relaxes calls, the latest started first, while the history stays non-linearizable. Chunks
   * first, halving their size down to single calls (delta debugging): most calls of a history
   * have nothing to do with the conflict, and the checks that stay non-linearizable with many
   * relaxed calls are the costly ones, so there should be few of them. The final pass of single
   * calls makes the result 1-minimal: relaxing a call that had to stay keeps the history
   * linearizable however many calls are relaxed after it.
   */
  private Relaxation relaxAllThatCanGo(History history) {
    int n = history.size();
    long relaxed = 0;
    try {
      for (int size = Math.max(1, n / 2); ; size = Math.max(1, size / 2)) {
        for (int from = 0; from < n; from += size) {
          long chunk = 0;
          for (int i = from; i < Math.min(n, from + size); i++) chunk |= 1L << (n - 1 - i);
          if ((relaxed | chunk) == relaxed) continue;
          if (checker.check(history, relaxed | chunk).isEmpty()) relaxed |= chunk;
        }
        if (size == 1) return new Relaxation(relaxed, true);
      }
    } catch (SequentialModel.BudgetExhausted e) {
      return new Relaxation(relaxed, false);
    }
  }

  /**
   * The order that explains the most: one conflicting call relaxed and everything else as
   * recorded, if some such order exists; otherwise the other calls relaxed too (which exists,
   * since relaxing any conflicting call makes the history linearizable).
   */
  private Witness closest(History history, List<Integer> conflicting, long relaxed) {
    for (int k = conflicting.size() - 1; k >= 0; k--) {
      Optional<Witness> w = checker.check(history, 1L << conflicting.get(k));
      if (w.isPresent()) return w.get();
    }
    long last = 1L << conflicting.get(conflicting.size() - 1);
    return checker.check(history, relaxed | last).orElse(null);
  }
}

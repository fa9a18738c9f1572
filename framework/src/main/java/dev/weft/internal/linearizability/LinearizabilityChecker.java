package dev.weft.internal.linearizability;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Decides whether a history is linearizable: whether some order of its calls, consistent with
 * their real-time order, gives the recorded outcomes when applied to the sequential model one at
 * a time.
 *
 * <p>Wing and Gong's search: extend a sequential prefix with any call that no unlinearized call
 * precedes in real time, keep it if the model gives the recorded outcome, backtrack otherwise.
 * Like Lowe's and Horn and Kroening's checkers it memoizes configurations, the set of linearized
 * calls together with the model's state, that were explored without success: many orders of
 * the same calls lead to the same state, and a configuration that failed once fails again. An
 * arbitrary Java model cannot be copied, so the search keeps one live model along its path and
 * rebuilds it from a fresh model by replaying the prefix when it backtracks; states are compared
 * through {@link StateSnapshot}. Calls can be <em>relaxed</em>: their effect counts but any
 * outcome is accepted, which is how the explanation finds the calls whose results conflict.
 */
final class LinearizabilityChecker {
  private final SequentialModel model;

  LinearizabilityChecker(SequentialModel model) {
    this.model = model;
  }

  /**
   * Searches an order for {@code history}.
   *
   * @param relaxed set of call ids (bit {@code i} for call {@code i}) whose outcomes are not
   *     checked
   * @return an order that explains the history, or empty if none exists
   * @throws SequentialModel.BudgetExhausted when the model's budget ran out before an answer
   */
  Optional<Witness> check(History history, long relaxed) {
    return new Search(history, relaxed).run();
  }

  /** One search over one history. */
  private final class Search {
    private final History history;
    private final int n;
    private final long relaxed;
    private final long all;
    private final int[] path;
    private final Outcome[] pathOutcomes;
    /** Configurations (linearized set and model state) explored without success. */
    private final Set<Configuration> failed = new HashSet<>();
    private Object live;
    /** Calls of {@link #path} the live model has applied; it is valid only as their prefix. */
    private int liveDepth = -1;

    Search(History history, long relaxed) {
      this.history = history;
      this.n = history.size();
      this.relaxed = relaxed;
      this.all = n == 64 ? -1L : (1L << n) - 1;
      this.path = new int[n];
      this.pathOutcomes = new Outcome[n];
    }

    Optional<Witness> run() {
      if (n == 0 || extend(0L, 0)) {
        List<Integer> order = new ArrayList<>(n);
        List<Outcome> outcomes = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
          order.add(path[i]);
          outcomes.add(pathOutcomes[i]);
        }
        return Optional.of(new Witness(order, outcomes));
      }
      return Optional.empty();
    }

    /** Tries every way to linearize the calls not in {@code done}, after {@code depth} calls. */
    private boolean extend(long done, int depth) {
      // A call can go next only if it started before every pending call ended; calls are sorted
      // by start, so the candidates are a prefix of the pending calls.
      int firstEnd = Integer.MAX_VALUE;
      for (int c = 0; c < n; c++) {
        if ((done & (1L << c)) == 0) firstEnd = Math.min(firstEnd, history.call(c).end());
      }
      for (int c = 0; c < n && history.call(c).start() < firstEnd; c++) {
        long bit = 1L << c;
        if ((done & bit) != 0) continue;
        Outcome outcome = applyAt(depth, c);
        if ((relaxed & bit) == 0 && !outcome.matches(history.call(c).outcome())) continue;
        long next = done | bit;
        if (next == all) return true;
        Object state = StateSnapshot.of(live);
        if (state != null && !failed.add(new Configuration(next, state))) continue;
        if (extend(next, depth + 1)) return true;
      }
      return false;
    }

    /** Applies call {@code c} as position {@code depth} of the path, rebuilding the model first. */
    private Outcome applyAt(int depth, int c) {
      if (liveDepth != depth) {
        live = model.fresh();
        for (int i = 0; i < depth; i++) model.apply(live, history.call(path[i]));
      }
      Outcome outcome = model.apply(live, history.call(c));
      path[depth] = c;
      pathOutcomes[depth] = outcome;
      liveDepth = depth + 1;
      return outcome;
    }
  }

  private record Configuration(long linearized, Object state) {}
}

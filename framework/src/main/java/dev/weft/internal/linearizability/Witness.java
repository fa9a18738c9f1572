package dev.weft.internal.linearizability;

import java.util.List;

/**
 * A sequential order of all calls of a history that is consistent with their real-time order,
 * with what the model returned for each call in that order. Immutable.
 *
 * @param order call ids in the order the model applied them
 * @param outcomes the model's outcome for each position of {@code order}
 */
public record Witness(List<Integer> order, List<Outcome> outcomes) {

  public Witness {
    order = List.copyOf(order);
    outcomes = List.copyOf(outcomes);
    if (order.size() != outcomes.size()) {
      throw new IllegalArgumentException("one outcome per call expected");
    }
  }

  /** The model's outcome for call {@code id}. */
  public Outcome outcomeOf(int id) {
    return outcomes.get(order.indexOf(id));
  }
}

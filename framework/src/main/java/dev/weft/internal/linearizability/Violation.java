package dev.weft.internal.linearizability;

import java.util.List;
import java.util.Objects;

/**
 * A history that no sequential order explains, with its explanation: the value a renderer (text
 * or HTML) needs, free of any formatting. Immutable.
 *
 * @param history the calls, what they returned and when they ran
 * @param conflicting the smallest set of calls found whose outcomes no order consistent with real
 *     time explains, whatever the other calls returned (call ids, ascending)
 * @param minimal whether {@code conflicting} is minimal: no call can leave it (false only when the
 *     check's budget ran out while minimizing)
 * @param closest an order that explains every outcome but that of {@code mismatched}'s calls, or
 *     null when the budget ran out before one was found
 * @param mismatched the calls whose recorded outcome differs from the model's in {@code closest}
 *     (ascending; empty without {@code closest})
 * @param model what the results were checked against, for the report (such as {@code "a fresh
 *     ArrayDeque"})
 * @param checkedAt {@code File.java:line} of the {@code check()} call, or {@code "?"}
 */
public record Violation(History history, List<Integer> conflicting, boolean minimal,
    Witness closest, List<Integer> mismatched, String model, String checkedAt) {

  public Violation {
    Objects.requireNonNull(history, "history");
    conflicting = List.copyOf(conflicting);
    mismatched = List.copyOf(mismatched);
    Objects.requireNonNull(model, "model");
    Objects.requireNonNull(checkedAt, "checkedAt");
    if (conflicting.isEmpty()) throw new IllegalArgumentException("no conflicting calls");
  }
}

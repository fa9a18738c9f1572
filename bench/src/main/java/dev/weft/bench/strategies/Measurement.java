package dev.weft.bench.strategies;

import dev.weft.Failure;
import dev.weft.Strategy;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The trials of one strategy on one buggy program, and their median. A trial that missed the bug
 * ranks after every trial that found it, so the median is a miss when most trials missed.
 *
 * @param seeds the seeds the strategy was to run with (1 for the deterministic search); trials
 *     stop once most of them missed, as the median is then decided
 */
record Measurement(Strategy strategy, Failure.Kind expected, List<Trial> trials, int seeds) {
  Measurement {
    trials = List.copyOf(trials);
  }

  /** The median trial, or empty when most seeds missed the bug. */
  Optional<Trial> median() {
    if (misses() * 2 > seeds) return Optional.empty();
    List<Trial> sorted = trials.stream()
        .sorted(Comparator.comparing((Trial t) -> !t.found(expected))
            .thenComparingInt(Trial::executions))
        .toList();
    Trial middle = sorted.get((seeds - 1) / 2);
    return middle.found(expected) ? Optional.of(middle) : Optional.empty();
  }

  /** Whether the median trial found the bug: the benchmark's "found". */
  boolean found() {
    return median().isPresent();
  }

  long hits() {
    return trials.stream().filter(t -> t.found(expected)).count();
  }

  long misses() {
    return trials.size() - hits();
  }

  /** Trials that reported a failure of another kind than the program's bug. */
  List<Trial> wrongKind() {
    return trials.stream().filter(t -> t.kind().isPresent() && !t.found(expected)).toList();
  }

  /** Seconds the median trial took; a miss costs what its trials spent, the median of those. */
  double medianSeconds() {
    return median().map(Trial::seconds).orElseGet(() -> trials.stream()
        .filter(t -> !t.found(expected)).mapToDouble(Trial::seconds).sorted()
        .skip(misses() / 2).findFirst().orElse(0));
  }

  /** Whether another seed could still change the median. */
  boolean undecided() {
    return trials.size() < seeds && misses() * 2 <= seeds;
  }
}

package dev.weft.scheduler;

import java.util.Objects;

/**
 * Where a replayed prefix first left the recorded path: the decision, what differed, and the
 * recorded and the replayed state in the scheduler's terms (thread numbers, step objects). A
 * program that is deterministic given its schedule never produces one; when it does, this is what
 * a report shows, so that whoever reads it can find what else the program depends on.
 *
 * @param decision the number of the decision (0-based) at which the replay left the path
 * @param kind what differed there
 * @param recorded the state recorded when the prefix was explored
 * @param replayed the state the replay met instead
 */
public record Divergence(int decision, Kind kind, String recorded, String replayed) {

  /** What differed. */
  public enum Kind {
    /** The running thread or the set of enabled threads. */
    THREADS,
    /** The step the chosen thread was about to take: its object or its kind. */
    STEP,
    /** A choice the program asked for: its kind or its number of options. */
    CHOICE,
    /** The execution ended before the prefix did. */
    ENDED_EARLY
  }

  public Divergence {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(recorded, "recorded");
    Objects.requireNonNull(replayed, "replayed");
  }
}

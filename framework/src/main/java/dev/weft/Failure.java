package dev.weft;

import java.util.List;
import java.util.Objects;

/** The first failure an exploration found, with the token that replays it. Immutable. */
public final class Failure {

  /** What went wrong. */
  public enum Kind {
    /** Two threads accessed a non-thread-safe object without ordering, at least one writing. */
    DATA_RACE,
    /** Some threads wait for each other (or for something nobody will do) and none can run. */
    DEADLOCK,
    /** An exception or failed assertion escaped the body or some controlled thread. */
    EXCEPTION,
    /** The execution exceeded its step bound: threads keep running without finishing. */
    LIVELOCK,
    /** Weft lost control: a thread blocked or ran where the scheduler cannot see it. */
    LOST_CONTROL,
    /**
     * Weft itself failed (its rewriting broke a class, or a hook threw): a bug in Weft to report,
     * never one in the code under test.
     */
    INTERNAL_ERROR
  }

  private final Kind kind;
  private final String summary;
  private final String replayToken;
  private final List<Access> accesses;
  private final Throwable cause;

  public Failure(Kind kind, String summary, String replayToken, List<Access> accesses,
      Throwable cause) {
    this.kind = Objects.requireNonNull(kind, "kind");
    this.summary = Objects.requireNonNull(summary, "summary");
    this.replayToken = Objects.requireNonNull(replayToken, "replayToken");
    this.accesses = List.copyOf(accesses);
    this.cause = cause;
  }

  public Kind kind() {
    return kind;
  }

  /** One line: what happened and where. */
  public String summary() {
    return summary;
  }

  /** Pass to {@link Weft#replay} or {@code -Dweft.replay=} to run exactly this execution again. */
  public String replayToken() {
    return replayToken;
  }

  /** For a data race, the two conflicting accesses in the order they happened; else empty. */
  public List<Access> accesses() {
    return accesses;
  }

  /** The exception behind an {@link Kind#EXCEPTION} failure; may be null for other kinds. */
  public Throwable cause() {
    return cause;
  }

  @Override
  public String toString() {
    return kind + ": " + summary + " [replay " + replayToken + "]";
  }
}

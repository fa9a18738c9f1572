package dev.weft;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

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
     * A {@link Linearizability} check found a history of calls that no sequential order explains:
     * the object under test is not linearizable.
     */
    NOT_LINEARIZABLE,
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

  /** Built by the engine only, through {@link ValueFactory}; {@code cause} may be null. */
  Failure(Kind kind, String summary, String replayToken, List<Access> accesses, Throwable cause) {
    this.kind = Objects.requireNonNull(kind, "kind");
    this.summary = Objects.requireNonNull(summary, "summary");
    this.replayToken = Objects.requireNonNull(replayToken, "replayToken");
    this.accesses = List.copyOf(accesses);
    this.cause = cause;
  }

  /** What went wrong. */
  public Kind kind() {
    return kind;
  }

  /** One line: what happened and where. */
  public String summary() {
    return summary;
  }

  /**
   * The token that replays exactly this execution: pass it to {@link Weft#replay}, or to the
   * JUnit extension's {@code replay} setting.
   */
  public String replayToken() {
    return replayToken;
  }

  /** For a data race, the two conflicting accesses in the order they happened; else empty. */
  public List<Access> accesses() {
    return accesses;
  }

  /**
   * The exception behind the failure: for {@link Kind#EXCEPTION} the one that escaped; for
   * {@link Kind#NOT_LINEARIZABLE} the error {@code Linearizability.check()} threw, which carries
   * the history; for other kinds one that was involved, if any (the interruption that stopped an
   * exploration).
   */
  public Optional<Throwable> cause() {
    return Optional.ofNullable(cause);
  }

  @Override
  public String toString() {
    return kind + ": " + summary + " [replay " + replayToken + "]";
  }
}

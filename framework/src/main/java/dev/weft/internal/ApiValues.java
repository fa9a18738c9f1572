package dev.weft.internal;

import dev.weft.Access;
import dev.weft.Failure;
import dev.weft.ReplayDivergedException;
import dev.weft.Result;
import dev.weft.UncontrolledClass;
import dev.weft.internal.report.Report;
import java.lang.invoke.MethodHandles;
import java.util.List;

/**
 * The one way the engine builds the API's value types, whose constructors are package-private in
 * {@code dev.weft}: so a {@link Result} always comes from an exploration or a replay, and the API
 * promises nothing about constructing one. {@code dev.weft} installs the implementation when
 * {@link Result} is initialized, and {@link #get()} makes sure that happened (the "friend
 * accessor" pattern: no reflective access to private members).
 */
public abstract class ApiValues {
  private static volatile ApiValues installed;

  protected ApiValues() {}

  /**
   * Installs the implementation; called once, by {@code dev.weft}.
   *
   * @throws IllegalStateException if one is installed already
   */
  public static synchronized void install(ApiValues values) {
    if (installed != null) throw new IllegalStateException("the API's value factory is installed");
    installed = values;
  }

  /** The implementation {@code dev.weft} installed. */
  public static ApiValues get() {
    ApiValues values = installed;
    if (values != null) return values;
    try {
      MethodHandles.lookup().ensureInitialized(Result.class);
    } catch (IllegalAccessException cannotHappen) {
      throw new IllegalStateException("dev.weft.Result is public", cannotHappen);
    }
    return installed;
  }

  /** One access of a data race; {@code location} null when no application frame is known. */
  public abstract Access access(String threadName, String operation, StackTraceElement location,
      Access.Kind kind);

  /** A failure found or replayed; {@code cause} null when no exception was involved. */
  public abstract Failure failure(Failure.Kind kind, String summary, String replayToken,
      List<Access> accesses, Throwable cause);

  /** A class Weft could not instrument that an exploration met. */
  public abstract UncontrolledClass uncontrolledClass(String className, String reason);

  /** The result of an exploration or replay that found nothing. */
  public abstract Result passed(int executions, long seed, Report report);

  /** The result of an exploration or replay that ended in {@code failure}. */
  public abstract Result failed(int executions, long seed, Failure failure, Report report);

  /** {@code result} with the wall-clock time its exploration or replay took. */
  public abstract Result withElapsed(Result result, java.time.Duration elapsed);

  /**
   * {@code result} with what its systematic search covered: {@code exhausted} (counted only for a
   * result that passed) and the report's phrase for it, null when no search ran.
   */
  public abstract Result withCoverage(Result result, boolean exhausted, String coverage);

  /** What {@code Weft.replay} throws when the token does not fit the body. */
  public abstract ReplayDivergedException replayDiverged(int step, String message);
}

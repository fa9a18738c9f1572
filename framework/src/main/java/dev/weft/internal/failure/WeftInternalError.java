package dev.weft.internal.failure;

import dev.weft.Failure;
import java.util.Objects;
import java.util.Optional;

/**
 * Weft itself failed (its rewriting broke a class, or a hook threw): a bug in Weft to report,
 * never one in the code under test.
 *
 * @param thread the thread that threw
 * @param thrown what it threw
 * @param culprit the throwable in {@code thrown}'s cause chain that is Weft's (may be {@code
 *     thrown} itself)
 */
public record WeftInternalError(ThreadRef thread, Throwable thrown, Throwable culprit)
    implements FailureDetails {

  public WeftInternalError {
    Objects.requireNonNull(thread, "thread");
    Objects.requireNonNull(thrown, "thrown");
    Objects.requireNonNull(culprit, "culprit");
  }

  @Override
  public Failure.Kind kind() {
    return Failure.Kind.INTERNAL_ERROR;
  }

  @Override
  public Optional<Throwable> cause() {
    return Optional.of(culprit);
  }
}

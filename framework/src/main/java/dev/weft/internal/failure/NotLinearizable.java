package dev.weft.internal.failure;

import dev.weft.Failure;
import dev.weft.internal.linearizability.NotLinearizableError;
import dev.weft.internal.linearizability.Violation;
import java.util.Objects;
import java.util.Optional;

/**
 * A {@code Linearizability.check()} found a history of calls that no sequential order explains.
 *
 * @param error what the check threw, which carries the {@link Violation}
 */
public record NotLinearizable(NotLinearizableError error) implements FailureDetails {

  public NotLinearizable {
    Objects.requireNonNull(error, "error");
  }

  public Violation violation() {
    return error.violation();
  }

  @Override
  public Failure.Kind kind() {
    return Failure.Kind.NOT_LINEARIZABLE;
  }

  @Override
  public Optional<Throwable> cause() {
    return Optional.of(error);
  }
}

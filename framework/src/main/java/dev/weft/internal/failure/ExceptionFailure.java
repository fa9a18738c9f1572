package dev.weft.internal.failure;

import dev.weft.Failure;
import java.util.Objects;
import java.util.Optional;

/** An exception or failed assertion escaped the body or a controlled thread. */
public record ExceptionFailure(ThreadRef thread, Throwable error) implements FailureDetails {

  public ExceptionFailure {
    Objects.requireNonNull(thread, "thread");
    Objects.requireNonNull(error, "error");
  }

  @Override
  public Failure.Kind kind() {
    return Failure.Kind.EXCEPTION;
  }

  @Override
  public Optional<Throwable> cause() {
    return Optional.of(error);
  }
}

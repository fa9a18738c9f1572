package dev.weft.internal.failure;

import java.util.Objects;

/**
 * A controlled thread of one execution: its number in creation order ({@code T0} runs the body)
 * and the name the program gave it.
 */
public record ThreadRef(int id, String name) {

  public ThreadRef {
    Objects.requireNonNull(name, "name");
  }

  /** Whether this is T0, the thread that runs the test body. */
  public boolean isTestBody() {
    return id == 0;
  }
}

package dev.weft.bench.strategies;

import dev.weft.Body;
import dev.weft.Failure;
import java.util.Objects;

/**
 * One program of the strategy corpus: a known bug and its correct twin, which differs from it only
 * by the fix.
 *
 * @param name short name in the table
 * @param bugClass what kind of bug it is, in words (ordering, atomicity, preemptions, deadlock)
 * @param expected the failure the buggy body shows under a bad schedule
 * @param buggy one run of the buggy program (fresh objects each time)
 * @param correct one run of the fixed program, which no schedule makes fail
 */
public record BugProgram(String name, String bugClass, Failure.Kind expected, Body buggy,
    Body correct) {
  public BugProgram {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(bugClass, "bugClass");
    Objects.requireNonNull(expected, "expected");
    Objects.requireNonNull(buggy, "buggy");
    Objects.requireNonNull(correct, "correct");
  }

  @Override
  public String toString() {
    return name;
  }
}

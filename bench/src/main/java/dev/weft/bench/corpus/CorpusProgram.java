package dev.weft.bench.corpus;

import dev.weft.Failure;

/**
 * One reproduction of the corpus: a program built on a real library (an old release from the
 * central repository, or the JDK itself) in its buggy or its fixed form.
 *
 * @param name short name in the table
 * @param library what it runs on, and why that is hard for a tool
 * @param expected the failure Weft must find, or null when the program is correct and must pass
 * @param body one run of the program (fresh objects each time)
 * @param bugShows for the plain loop: whether a finished run shows the bug (a deadlock shows by
 *     not finishing)
 */
public record CorpusProgram(String name, String library, Failure.Kind expected, Body body,
    Check bugShows) {

  /** One run. */
  @FunctionalInterface
  public interface Body {
    Object run() throws Exception;
  }

  /** Whether the value a run returned shows the bug. */
  @FunctionalInterface
  public interface Check {
    boolean test(Object runResult);
  }

  /** For programs whose bug is a deadlock: a run that finishes shows nothing. */
  static final Check ONLY_A_HANG_SHOWS = result -> false;
}

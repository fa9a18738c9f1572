package dev.weft.internal.failure;

import java.util.List;
import java.util.Objects;

/**
 * What the threads of one execution printed to {@code System.out} and {@code System.err}, in the
 * order they printed it.
 *
 * @param lines the lines, each with the stream it went to
 * @param omitted lines left out at the end because the output was too long
 */
public record PrintedOutput(List<Line> lines, int omitted) {

  /** One line of output, without its line separator. */
  public record Line(boolean error, String text) {
    public Line {
      Objects.requireNonNull(text, "text");
    }
  }

  public static final PrintedOutput NONE = new PrintedOutput(List.of(), 0);

  public PrintedOutput {
    lines = List.copyOf(lines);
  }

  public boolean isEmpty() {
    return lines.isEmpty() && omitted == 0;
  }
}

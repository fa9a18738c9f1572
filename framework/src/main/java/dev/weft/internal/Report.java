package dev.weft.internal;

import dev.weft.internal.runtime.Trace;
import java.util.Objects;

/**
 * The human report of a result, rendered when asked for, so that whoever shows it chooses how to
 * replay the failure: the API's own report says {@code Weft.replay("W1...", body)}, the JUnit
 * extension its {@code -Dweft.replay=} parameter. Immutable once the execution it describes has
 * ended.
 */
public final class Report {
  private final String text;
  private final String kind;
  private final String summary;
  private final String token;
  private final Trace trace;

  private Report(String text, String kind, String summary, String token, Trace trace) {
    this.text = Objects.requireNonNull(text, "text");
    this.kind = kind;
    this.summary = summary;
    this.token = token;
    this.trace = trace;
  }

  /** The report of a result without a failure: {@code text} is all there is to say. */
  public static Report passed(String text) {
    return new Report(text, null, null, null, null);
  }

  /**
   * The report of a failure.
   *
   * @param text what happened, where and how to fix it, without how to replay it
   * @param trace the traced execution, for the HTML page's timeline
   */
  public static Report failed(String text, String kind, String summary, String token,
      Trace trace) {
    return new Report(text, Objects.requireNonNull(kind, "kind"),
        Objects.requireNonNull(summary, "summary"), Objects.requireNonNull(token, "token"),
        Objects.requireNonNull(trace, "trace"));
  }

  /** The text, ending with how to replay a failure through the API. */
  public String text() {
    if (token == null) return text;
    return text(ReportText.reproduceWith(ReportText.apiReplayCommand(token)));
  }

  /** The text of a failure, ending with {@code closingLines} after a blank line. */
  public String text(String closingLines) {
    Objects.requireNonNull(closingLines, "closingLines");
    return token == null ? text : text.stripTrailing() + "\n\n" + closingLines;
  }

  /** The HTML page of a failure, or an empty string when there is none. */
  public String html() {
    if (token == null) return "";
    return html(ReportText.apiReplayCommand(token));
  }

  /** The HTML page, showing {@code replayCommand} as the way to replay the failure. */
  public String html(String replayCommand) {
    Objects.requireNonNull(replayCommand, "replayCommand");
    if (token == null) return "";
    return HtmlReport.render(kind, summary, text(ReportText.reproduceWith(replayCommand)),
        replayCommand, trace);
  }
}

package dev.weft.internal.report;

import dev.weft.UncontrolledClass;
import dev.weft.internal.failure.PrintedOutput;
import java.util.ArrayList;
import java.util.List;

/**
 * The plain-text report: what happened first (the first line, where it was found, what was not
 * controlled), then the details, the interleaving and what the execution printed. How to replay a
 * failure is added by {@link Report}, in the words of whoever shows it.
 */
final class ReportText {
  private ReportText() {}

  private static final String REPRODUCE = "Reproduce with: ";
  /** Classes the "Not controlled" line names before it says how many more there are. */
  private static final int NAMED_UNCONTROLLED = 5;

  /** The last line of a failure's report: {@code Reproduce with: <command>}. */
  static String reproduceWith(String replayCommand) {
    return REPRODUCE + replayCommand;
  }

  /** How the programmatic API replays {@code token}. */
  static String apiReplayCommand(String token) {
    return "Weft.replay(\"" + token + "\", body)";
  }

  /** The report without the closing lines. */
  static String body(Report report) {
    Report.Outcome outcome = report.outcome();
    if (outcome instanceof Report.Written w) return w.text();
    if (outcome instanceof Report.Failed f) return failed(report, f);
    StringBuilder sb = new StringBuilder();
    if (outcome instanceof Report.ReplayPassed r) {
      sb.append("The replayed execution passed: the failure of token ").append(r.token())
          .append(" no longer happens.");
    } else {
      Report.Passed p = (Report.Passed) outcome;
      Coverage coverage = report.coverage().orElse(null);
      if (coverage != null && !(p.strategyEnded() && coverage.search().isEmpty())) {
        // What a systematic search covered, or the plain line of a sampler.
        sb.append(CoverageText.passed(coverage));
      } else {
        sb.append("No failure in ").append(report.executions()).append(" executions (seed ")
            .append(report.seed()).append(", ").append(report.strategy()).append(").");
      }
      if (p.strategyEnded() && (coverage == null || coverage.search().isEmpty())) {
        sb.append(" The strategy ended the search after ").append(report.executions())
            .append(" of the ").append(p.iterations()).append(" executions allowed: it had no")
            .append(" more schedules to try.");
      }
      if (p.cutOffExecution() > 0) {
        sb.append(" The time limit (").append(Durations.brief(p.timeLimit()))
            .append(") ended execution ").append(p.cutOffExecution())
            .append(" before it finished; it is not counted.");
      }
    }
    String notControlled = notControlled(report.uncontrolled());
    if (!notControlled.isEmpty()) sb.append('\n').append(notControlled);
    report.commonPoolNote().ifPresent(note -> sb.append('\n').append(note));
    return sb.toString();
  }

  private static String failed(Report report, Report.Failed f) {
    StringBuilder sb = new StringBuilder();
    for (Paragraph p : parts(report, f)) sb.append(p.text());
    return sb.toString();
  }

  /**
   * The report of a failure in parts, the same for text and HTML: the first lines, each part of
   * the explanation (with its anchor), the interleaving, the output and what was not controlled.
   */
  static List<Paragraph> parts(Report report, Report.Failed f) {
    FailureText text = FailureText.of(f.details());
    List<Paragraph> parts = new ArrayList<>();
    StringBuilder head = new StringBuilder();
    head.append(text.summary()).append('\n');
    head.append(foundLine(report, f)).append('\n');
    String notControlled = notControlled(report.uncontrolled());
    if (!notControlled.isEmpty()) head.append(notControlled).append('\n');
    report.commonPoolNote().ifPresent(note -> head.append(note).append('\n'));
    List<Paragraph> details = text.details();
    if (!details.isEmpty()) head.append('\n');
    parts.add(new Paragraph(null, head.toString()));
    parts.addAll(details);
    String last = details.isEmpty() ? "\n" : details.get(details.size() - 1).text();
    if (!last.endsWith("\n")) parts.add(new Paragraph(null, "\n"));
    String table = InterleavingText.render(
        Interleaving.of(f.trace(), f.details()), f.trace().threads());
    if (!table.isEmpty()) parts.add(new Paragraph("interleaving", "\n  Interleaving:\n" + table));
    String output = output(f.output());
    if (!output.isEmpty()) parts.add(new Paragraph("output", output));
    String reasons = uncontrolledReasons(report.uncontrolled());
    if (!reasons.isEmpty()) parts.add(new Paragraph("uncontrolled", reasons));
    return parts;
  }

  /**
   * {@code Found in execution 3 (seed 42, PCT). Shrunk from ...}: where the failure was found and
   * what shrinking did.
   */
  static String foundLine(Report report, Report.Failed f) {
    StringBuilder sb = new StringBuilder();
    Coverage coverage = report.coverage().orElse(null);
    if (coverage != null) {
      sb.append(CoverageText.foundIn(coverage));
    } else {
      sb.append("Found in execution ").append(report.executions()).append(" (seed ")
          .append(report.seed()).append(", ").append(report.strategy()).append(").");
    }
    String shrinking = f.shrinking() == null ? "" : f.shrinking().sentence();
    if (!shrinking.isEmpty()) sb.append(' ').append(shrinking);
    if (coverage != null && f.shrinking() != null) {
      String fewest = CoverageText.fewest(coverage, f.shrinking().shownPreemptions());
      if (!fewest.isEmpty()) sb.append(' ').append(fewest);
    }
    if (f.lenientDivergence() != null) {
      sb.append(" Replayed leniently: the exact schedule did not fit three times (")
          .append(f.lenientDivergence().split("\\. ")[0])
          .append("), because the common pool's worker took another path; the failure")
          .append(" reproduced all the same.");
    }
    return sb.toString();
  }

  /** {@code Not controlled: a.B, c.D, so races through them are not reported.}, or empty. */
  static String notControlled(List<UncontrolledClass> classes) {
    if (classes.isEmpty()) return "";
    List<String> names = classes.stream().map(UncontrolledClass::className).toList();
    String shown = names.size() <= NAMED_UNCONTROLLED ? String.join(", ", names)
        : String.join(", ", names.subList(0, NAMED_UNCONTROLLED)) + " and "
            + (names.size() - NAMED_UNCONTROLLED) + " more";
    return "Not controlled: " + shown + " (Weft could not instrument "
        + (names.size() == 1 ? "it" : "them") + "), so races through "
        + (names.size() == 1 ? "it" : "them") + " are not reported.";
  }

  private static String uncontrolledReasons(List<UncontrolledClass> classes) {
    if (classes.isEmpty()) return "";
    StringBuilder sb = new StringBuilder("\n  Not controlled, and why:\n");
    for (UncontrolledClass c : classes) {
      sb.append("    ").append(c.className()).append(": ").append(c.reason()).append('\n');
    }
    return sb.toString();
  }

  /** What the reported execution printed, below a title, each line marked with its stream. */
  static String output(PrintedOutput output) {
    if (output.isEmpty()) return "";
    StringBuilder sb = new StringBuilder("\n  Printed by this execution (out: System.out,"
        + " err: System.err):\n");
    for (PrintedOutput.Line line : output.lines()) {
      sb.append(line.error() ? "    err| " : "    out| ").append(line.text()).append('\n');
    }
    if (output.omitted() > 0) {
      sb.append("    ... ").append(output.omitted()).append(" more lines not shown\n");
    }
    return sb.toString();
  }
}

package dev.weft.internal.runtime;

import java.util.List;

/** Read access to a trace for renderers outside this package: folded rows and lane names. */
public final class TraceView {
  private TraceView() {}

  /** One row of the timeline. */
  public record Row(int thread, String text, String location, boolean marked) {}

  public static List<Row> rows(Trace trace) {
    return TraceTable.fold(trace.events()).stream()
        .map(e -> new Row(e.thread(), e.text(), e.location().equals("?") ? "" : e.location(),
            e.marked()))
        .toList();
  }

  public static List<String> threadNames(Trace trace) {
    return trace.threadNames();
  }
}

package dev.weft.internal.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.internal.failure.FieldId;
import dev.weft.internal.failure.TraceEvent;
import dev.weft.internal.failure.TraceRow;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** A long interleaving folds routine steps only, and each fold says what it holds. */
class InterleavingFoldsTest {
  private static final FieldId READY = new FieldId("Config.ready");
  private static final FieldId NOISE = new FieldId("Pool.ctl");

  private static TraceRow read(int thread, FieldId field) {
    return new TraceRow(thread, new TraceEvent.VolatileAccess(field, false), null, false);
  }

  @Test
  void stepsOnTheFailuresObjectsAndEachThreadsLastStepAreNeverFolded() {
    List<TraceRow> rows = new ArrayList<>();
    for (int i = 0; i < 20; i++) rows.add(read(0, NOISE));
    rows.add(read(0, READY));
    for (int i = 0; i < 20; i++) rows.add(read(1, NOISE));
    rows.add(read(1, READY));
    for (int i = 0; i < 20; i++) rows.add(read(0, NOISE));
    rows.add(read(1, NOISE));

    List<Interleaving.Line> lines = Interleaving.of(rows, Set.of(READY), Interleaving.MAX_LINES);

    assertThat(lines.size()).isLessThanOrEqualTo(Interleaving.MAX_LINES);
    List<TraceRow> shown = lines.stream().filter(l -> l instanceof Interleaving.Step)
        .map(l -> ((Interleaving.Step) l).row()).toList();
    assertThat(shown.stream().filter(r -> r.event().subject().equals(READY)).count())
        .isEqualTo(2);
    // The last step of each thread: T0's last read of the noise, and T1's.
    assertThat(shown).contains(rows.get(rows.size() - 1), rows.get(rows.size() - 2));
    List<String> folds = lines.stream().filter(l -> l instanceof Interleaving.Folded)
        .map(l -> ((Interleaving.Folded) l).text()).toList();
    assertThat(folds).isNotEmpty()
        .allSatisfy(t -> assertThat(t).matches("\\.\\.\\. \\d+ volatile reads of Pool\\.ctl"));
  }
}

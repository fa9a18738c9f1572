package dev.weft.junit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.junit.fixtures.LockOrders;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code expect} turns a known bug into a test that passes while the bug is found. */
class ExpectTest {
  @TempDir
  Path reports;

  @Test
  void theExpectedDeadlockPasses() {
    var notes = new Kit(reports).passes(LockOrders.class, "expectDeadlockOnInverted");
    assertThat(notes).anySatisfy(n -> assertThat(n)
        .matches("\\d+ executions? in \\d+ ms, POS seed " + LockOrders.SEED
            + ", found the expected DEADLOCK: DEADLOCK: .* \\(report: .*\\.txt\\)"));
  }

  @Test
  void noDeadlockFailsSayingWhatWasExpected() {
    Throwable thrown = new Kit(reports).failure(LockOrders.class, "expectDeadlockOnConsistent");

    assertThat(thrown).isInstanceOf(AssertionError.class);
    assertThat(thrown.getMessage()).startsWith(
        "expected DEADLOCK, found none in 40 executions (seed " + LockOrders.SEED + ")");
  }

  @Test
  void anotherKindFailsWithItsReportAndTheExpectation() {
    Throwable thrown = new Kit(reports).failure(LockOrders.class, "expectDeadlockOnLostUpdate");

    assertThat(thrown.getMessage())
        .startsWith("expected DEADLOCK or LIVELOCK, found EXCEPTION:\n")
        .contains("lost update")
        .contains("Reproduce with: -Dweft.replay=W1.");
  }
}

package dev.weft.races;

import static dev.weft.races.RaceProbe.assertNoRace;
import static dev.weft.races.RaceProbe.assertRaceReported;
import static dev.weft.races.RaceProbe.start;
import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.BenignRace;
import dev.weft.Result;
import dev.weft.internal.agent.SiteRegistry;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Objects only their creating method sees get no hooks (the agent's escape analysis), and that
 * costs no race: an object built in a method and then published is still checked from its birth.
 */
class ConfinedObjectsTest {

  static final class Cell {
    int value;
    long total;
  }

  static final class Shelf {
    Cell cell;
  }

  /** A shelf whose own race is silenced: what is left to find is the race on the cell. */
  static final class QuietShelf {
    @BenignRace Cell cell;
  }

  /** Built, filled in a loop, then published through a field of a shared object. */
  static void buildAndPublish(Shelf shelf) {
    Cell c = new Cell();
    for (int i = 0; i < 3; i++) {
      c.value += i;
    }
    shelf.cell = c; /*publish*/
  }

  static void buildAndPublish(QuietShelf shelf) {
    Cell c = new Cell();
    for (int i = 0; i < 3; i++) {
      c.value += i; /*fill*/
    }
    shelf.cell = c;
  }

  /** Each thread's own object, updated in a loop: no other thread can reach it. */
  static long confinedWork() {
    Cell mine = new Cell();
    for (int i = 0; i < 1_000; i++) {
      mine.value++; /*confinedCount*/
      mine.total += i; /*confinedSum*/
    }
    int[] squares = new int[8];
    for (int i = 0; i < squares.length; i++) {
      squares[i] = i * i; /*confinedArray*/
    }
    if (mine.value != 1_000) throw new AssertionError(mine.value);
    return mine.total + squares[7];
  }

  /** The same loop over an object that is shared afterwards: checked. */
  static Cell publishedWork() {
    Cell shared = new Cell();
    for (int i = 0; i < 10; i++) {
      shared.value++; /*publishedCount*/
    }
    return shared;
  }

  @Test
  void anObjectFilledInAMethodAndThenPublishedThroughAFieldIsAnUnsafePublication() {
    Result result = assertRaceReported(getClass(), "publish", "take", () -> {
      Shelf shelf = new Shelf();
      Thread reader = start("reader", () -> {
        Cell seen = shelf.cell; /*take*/
        if (seen != null && seen.value < 0) throw new AssertionError();
      });
      buildAndPublish(shelf);
      reader.join();
    });
    assertThat(result.report()).startsWith("DATA RACE on field Shelf.cell (Cell) of Shelf@")
        .contains("Unsafe publication: Shelf.cell hands an object from");
  }

  @Test
  void theWritesThatFilledAPublishedObjectRaceWithTheReadsOfAnotherThread() {
    Result result = assertRaceReported(getClass(), "fill", "read", () -> {
      QuietShelf shelf = new QuietShelf();
      Thread reader = start("reader", () -> {
        Cell seen = shelf.cell;
        if (seen != null && seen.value < 0) { /*read*/
          throw new AssertionError();
        }
      });
      buildAndPublish(shelf);
      reader.join();
    });
    assertThat(result.report()).startsWith("DATA RACE on field Cell.value (int) of Cell@");
  }

  @Test
  void aThreadConfinedLoopPassesWithoutAHookOnItsAccesses() {
    long[] totals = new long[2];
    assertNoRace(50, () -> {
      Thread other = start("other", () -> totals[1] = confinedWork());
      totals[0] = confinedWork();
      other.join();
    });
    assertThat(totals[0]).isEqualTo(499_500 + 49);
    assertThat(sitesAt("confinedCount")).isEmpty();
    assertThat(sitesAt("confinedSum")).isEmpty();
    assertThat(sitesAt("confinedArray")).isEmpty();
  }

  @Test
  void theSameLoopOverAnObjectThatIsPublishedLaterKeepsItsHooks() {
    Cell[] out = new Cell[1];
    assertNoRace(5, () -> out[0] = publishedWork());
    assertThat(out[0].value).isEqualTo(10);
    assertThat(sitesAt("publishedCount")).isNotEmpty();
  }

  /**
   * The instrumented code locations registered on the line of {@code marker}: one exists only
   * where the agent put a hook.
   */
  private static List<StackTraceElement> sitesAt(String marker) {
    int line = SourceMarkers.line(ConfinedObjectsTest.class, marker);
    List<StackTraceElement> found = new ArrayList<>();
    for (int id = 0; SiteRegistry.location(id) != null; id++) {
      StackTraceElement site = SiteRegistry.location(id);
      if ("ConfinedObjectsTest.java".equals(site.getFileName()) && site.getLineNumber() == line) {
        found.add(site);
      }
    }
    return found;
  }
}

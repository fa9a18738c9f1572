package dev.weft.races;

import static dev.weft.races.RaceProbe.assertRaceReported;
import static dev.weft.races.RaceProbe.start;
import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.Result;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A field race's report says which kind of bug it is, from what the two threads did: the words
 * and the fix differ between a lost update, a check-then-act, an unsafe publication and a plain
 * read/write or write/write race.
 */
class RaceClassificationTest {

  static final class Config {
    String url;
    int port;
  }

  static final class Holder {
    Config config;
    Object value;
    Map<String, Integer> table;
  }

  static final class Account {
    int balance = 100;
  }

  @Test
  void anObjectBuiltAndThenHandedOverThroughAPlainFieldIsAnUnsafePublication() {
    Result result = assertRaceReported(getClass(), "publish", "pick", () -> {
      Holder holder = new Holder();
      Thread writer = start("writer", () -> {
        Config c = new Config();
        c.url = "db:5432";
        c.port = 5432;
        holder.config = c; /*publish*/
      });
      Config seen = holder.config; /*pick*/
      writer.join();
      if (seen != null && seen.port == 0) throw new AssertionError("half-built config");
    });
    assertThat(result.report()).startsWith("DATA RACE on field Holder.config (Config)")
        .contains("Unsafe publication: Holder.config hands an object from")
        .contains("volatile field or an AtomicReference");
  }

  @Test
  void aCollectionFilledAndThenHandedOverIsAnUnsafePublicationToo() {
    Result result = assertRaceReported(getClass(), "publishMap", "pickMap", () -> {
      Holder holder = new Holder();
      Thread writer = start("writer", () -> {
        Map<String, Integer> t = new HashMap<>();
        t.put("EUR", 1);
        holder.table = t; /*publishMap*/
      });
      Map<String, Integer> seen = holder.table; /*pickMap*/
      writer.join();
      if (seen != null) seen.get("EUR");
    });
    assertThat(result.report()).contains("Unsafe publication: Holder.table");
  }

  @Test
  void handingOverAnObjectTheWriterDidNotBuildIsAPlainReadWriteRace() {
    Result result = assertRaceReported(getClass(), "swap", "look", () -> {
      Holder holder = new Holder();
      Config prepared = new Config();
      prepared.port = 1;
      // Built before the start, so the writer only passes a finished object along.
      Thread writer = start("writer", () -> holder.value = prepared); /*swap*/
      Object seen = holder.value; /*look*/
      writer.join();
      if (seen != null && seen != prepared) throw new AssertionError();
    });
    assertThat(result.report()).contains("Unordered read and write: ")
        .doesNotContain("Unsafe publication");
  }

  @Test
  void twoThreadsSettingTheSameReferenceAreUnorderedWrites() {
    Result result = assertRaceReported(getClass(), "setA", "setB", () -> {
      Holder holder = new Holder();
      Thread a = start("a", () -> holder.value = "a"); /*setA*/
      Thread b = start("b", () -> holder.value = "b"); /*setB*/
      a.join();
      b.join();
    });
    assertThat(result.report()).contains("Unordered writes: two threads write Holder.value");
  }

  @Test
  void aBalanceCheckedThenWithdrawnIsACheckThenAct() {
    Result result = assertRaceReported(getClass(), "check", "act", () -> {
      Account account = new Account();
      Runnable withdraw = () -> {
        if (account.balance >= 60) { /*check*/
          account.balance = account.balance - 60; /*act*/
        }
      };
      Thread a = start("a", withdraw);
      Thread b = start("b", withdraw);
      a.join();
      b.join();
    });
    assertThat(result.report()).contains("Check-then-act: T1 (a) read Account.balance and then"
        + " wrote it").contains("compareAndSet / updateAndGet on an AtomicInteger");
  }
}

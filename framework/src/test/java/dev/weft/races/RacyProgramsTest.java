package dev.weft.races;

import static dev.weft.races.RaceProbe.assertRace;
import static dev.weft.races.RaceProbe.assertRaceReported;
import static org.assertj.core.api.Assertions.assertThat;
import static dev.weft.races.RaceProbe.start;

import dev.weft.Access;
import dev.weft.Failure;
import dev.weft.Result;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** Programs with a data race on a collection: each is reported as DATA_RACE naming both lines. */
class RacyProgramsTest {
  static volatile boolean published;

  @Test
  void twoThreadsPuttingDifferentKeys() {
    assertRace(getClass(), "put1", "put2", () -> {
      Map<String, Integer> map = new HashMap<>();
      Thread a = start("writer-1", () -> map.put("a", 1)); /*put1*/
      Thread b = start("writer-2", () -> map.put("b", 2)); /*put2*/
      a.join();
      b.join();
    });
  }

  @Test
  void iterationWhileAnotherThreadWrites() {
    Failure failure = assertRace(getClass(), "iter", "write", () -> {
      Map<String, Integer> map = new HashMap<>(Map.of("a", 1, "b", 2));
      Thread reader = start("reader", () -> {
        int sum = 0;
        for (int v : map.values()) sum += v; /*iter*/
      });
      Thread writer = start("writer", () -> map.put("c", 3)); /*write*/
      reader.join();
      writer.join();
    });
    assertThat(failure.accesses()).extracting(Access::kind)
        .contains(Access.Kind.STRUCTURAL_WRITE)
        .anyMatch(kind -> kind == Access.Kind.ITERATION || kind == Access.Kind.READ);
  }

  @Test
  void anInPlaceSetRacingWithAGetIsAWriteThatIsNotStructural() {
    Result result = assertRaceReported(getClass(), "inPlaceSet", "plainGet", () -> {
      List<Integer> list = new ArrayList<>(List.of(1, 2));
      Thread writer = start("writer", () -> list.set(0, 9)); /*inPlaceSet*/
      Thread reader = start("reader", () -> list.get(0)); /*plainGet*/
      writer.join();
      reader.join();
    });
    assertThat(result.failure().orElseThrow().accesses()).extracting(Access::kind)
        .containsExactlyInAnyOrder(Access.Kind.WRITE, Access.Kind.READ);
    assertThat(result.report()).contains("writes (in place) with ArrayList.set(0)")
        .contains("reads with ArrayList.get(0)");
  }

  @Test
  void executorTasksMergingIntoOneMap() {
    assertRace(getClass(), "merge", "merge", () -> {
      Map<String, Integer> counts = new HashMap<>();
      ExecutorService pool = Executors.newFixedThreadPool(2);
      List<Future<?>> futures = new ArrayList<>();
      for (String word : List.of("x", "y")) {
        futures.add(pool.submit(() -> counts.merge(word, 1, Integer::sum))); /*merge*/
      }
      for (Future<?> f : futures) f.get();
      pool.shutdown();
    });
  }

  @Test
  void aHashMapNestedInsideAConcurrentHashMapValue() {
    assertRace(getClass(), "nestedA", "nestedB", () -> {
      Map<String, Map<String, Integer>> byUser = new ConcurrentHashMap<>();
      byUser.put("u", new HashMap<>());
      Thread a = start("t1", () -> byUser.get("u").put("k1", 1)); /*nestedA*/
      Thread b = start("t2", () -> byUser.get("u").put("k2", 2)); /*nestedB*/
      a.join();
      b.join();
    });
  }

  @Test
  void aSynchronizedMapIteratedWithoutItsLock() {
    Result result = assertRaceReported(getClass(), "syncIter", "syncPut", () -> {
      Map<String, Integer> map = Collections.synchronizedMap(new HashMap<>(Map.of("a", 1)));
      Thread reader = start("reader", () -> {
        for (String k : map.keySet()) k.length(); /*syncIter*/
      });
      Thread writer = start("writer", () -> map.put("b", 2)); /*syncPut*/
      reader.join();
      writer.join();
    });
    // The wrapper's mutex is taken inside the JDK; the report points at the application's call.
    assertThat(result.report())
        .contains("monitor of SynchronizedMap@")
        .contains("(locked at RacyProgramsTest.java:" + SourceMarkers.line(getClass(), "syncPut")
            + ")")
        .doesNotContain("locked at Collections.java");
  }

  @Test
  void twoThreadsGuardingTheSameMapWithDifferentLocks() {
    String report = RaceProbe.assertRaceReported(getClass(), "lockA", "lockB", () -> {
      Map<String, Integer> map = new HashMap<>();
      Object lockA = new Object();
      Object lockB = new Object();
      Thread a = start("t1", () -> {
        synchronized (lockA) { /*syncA*/
          map.put("a", 1); /*lockA*/
        }
      });
      Thread b = start("t2", () -> {
        synchronized (lockB) { /*syncB*/
          map.put("b", 2); /*lockB*/
        }
      });
      a.join();
      b.join();
    }).report();
    for (String sync : List.of("syncA", "syncB")) {
      org.assertj.core.api.Assertions.assertThat(report).containsPattern(
          "      locks held: monitor of Object@[0-9a-f]+ \\(locked at RacyProgramsTest.java:"
              + SourceMarkers.line(getClass(), sync) + "\\)\n");
    }
    org.assertj.core.api.Assertions.assertThat(report)
        .containsPattern("Why: the threads held different locks \\(monitor of Object@[0-9a-f]+"
            + " vs monitor of Object@[0-9a-f]+\\), which do not order each other.");
  }

  @Test
  void treeMapVariant() {
    assertRace(getClass(), "tree1", "tree2", () -> {
      Map<Integer, String> map = new TreeMap<>();
      Thread a = start("t1", () -> map.put(1, "a")); /*tree1*/
      Thread b = start("t2", () -> map.get(2)); /*tree2*/
      a.join();
      b.join();
    });
  }

  @Test
  void arrayListVariant() {
    assertRace(getClass(), "list1", "list2", () -> {
      List<Integer> list = new ArrayList<>();
      Thread a = start("t1", () -> list.add(1)); /*list1*/
      Thread b = start("t2", () -> list.add(2)); /*list2*/
      a.join();
      b.join();
    });
  }

  @Test
  void hashSetVariant() {
    assertRace(getClass(), "set1", "set2", () -> {
      Set<String> set = new HashSet<>();
      Thread a = start("t1", () -> set.add("a")); /*set1*/
      Thread b = start("t2", () -> set.contains("a")); /*set2*/
      a.join();
      b.join();
    });
  }

  @Test
  void aVolatileFlagPublishedBeforeTheWriteItWasMeantToPublish() {
    assertRace(getClass(), "late", "reads", () -> {
      published = false;
      Map<String, Integer> config = new HashMap<>();
      Thread writer = start("writer", () -> {
        published = true;
        config.put("timeout", 30); /*late*/
      });
      Thread reader = start("reader", () -> {
        while (!published) Thread.onSpinWait();
        config.get("timeout"); /*reads*/
      });
      writer.join();
      reader.join();
    });
  }

  @Test
  void runAsyncTasksOnTheCommonPool() {
    Result result = assertRaceReported(getClass(), "async1", "async2", () -> {
      Map<String, Integer> map = new HashMap<>();
      CompletableFuture<Void> a = CompletableFuture.runAsync(() -> map.put("a", 1)); /*async1*/
      map.put("b", 2); /*async2*/
      a.join();
    });
    assertThat(result.report()).contains("running a task submitted at RacyProgramsTest.java:"
        + SourceMarkers.line(getClass(), "async1"));
  }

  @Test
  void aPoolThreadNamesTheLineThatSubmittedItsTaskNotTheOneThatStartedIt() {
    Result result = assertRaceReported(getClass(), "secondTask", "bodyPut", () -> {
      Map<String, Integer> map = new HashMap<>();
      ExecutorService pool = Executors.newSingleThreadExecutor();
      pool.submit(() -> { }).get(); /*firstTask*/
      Future<?> second = pool.submit(() -> map.put("a", 1)); /*secondTask*/
      map.put("b", 2); /*bodyPut*/
      second.get();
      pool.shutdown();
    });
    assertThat(result.report())
        .contains("running a task submitted at RacyProgramsTest.java:"
            + SourceMarkers.line(getClass(), "secondTask"))
        .doesNotContain("thread started at RacyProgramsTest.java:"
            + SourceMarkers.line(getClass(), "firstTask"));
  }

  @Test
  void aParallelStreamAddingToAnArrayList() {
    Result result = assertRaceReported(getClass(), "stream", "stream", () -> {
      List<Integer> out = new ArrayList<>();
      IntStream.range(0, 8).parallel().forEach(i -> out.add(i)); /*stream*/
    });
    // The worker's part of the pipeline was submitted by the terminal operation.
    assertThat(result.report()).contains("running a task submitted at RacyProgramsTest.java:"
        + SourceMarkers.line(getClass(), "stream"));
  }

  @Test
  void aPutThatGrowsTheTableIsAResizeRaceAndTheMapSaysWhereItWasCreated() {
    dev.weft.Result result = dev.weft.Weft.explore(RaceProbe.options(200), () -> {
      Map<Integer, Integer> map = new HashMap<>(); /*created*/
      for (int i = 0; i < 12; i++) map.put(i, i);
      Thread grower = start("grower", () -> map.put(100, 1));
      Thread reader = start("reader", () -> map.get(3));
      grower.join();
      reader.join();
    });
    org.assertj.core.api.Assertions.assertThat(result.report())
        .startsWith("DATA RACE on java.util.HashMap@")
        .contains("(created at RacyProgramsTest.java:"
            + SourceMarkers.line(getClass(), "created") + ")")
        .contains("Resize race: T1 (grower)'s HashMap.put grew and rehashed the table");
  }

  @Test
  void aStreamOverAListWhileAnotherThreadAdds() {
    assertRace(getClass(), "streamRead", "streamAdd", () -> {
      List<Integer> list = new ArrayList<>(List.of(1, 2, 3));
      Thread reader = start("reader", () -> list.stream().mapToInt(i -> i).sum()); /*streamRead*/
      Thread writer = start("writer", () -> list.add(4)); /*streamAdd*/
      reader.join();
      writer.join();
    });
  }

  @Test
  void aSubListWrittenWhileAnotherThreadIterates() {
    assertRace(getClass(), "subSet", "subIter", () -> {
      List<Integer> list = new ArrayList<>(List.of(1, 2, 3, 4));
      Thread writer = start("writer", () -> list.subList(0, 2).set(0, 9)); /*subSet*/
      Thread reader = start("reader", () -> {
        for (int i : list) Integer.toString(i); /*subIter*/
      });
      writer.join();
      reader.join();
    });
  }

  /** Calls typed as the application's own subclass are not announced: the stack tells the line. */
  static final class Registry extends HashMap<String, Integer> {
    void register(String name) {
      put(name, size()); /*registryPut*/
    }
  }

  @Test
  void aSubclassOfHashMapCalledThroughItsOwnType() {
    assertRace(getClass(), "registryPut", "registryGet", () -> {
      Registry registry = new Registry();
      Thread writer = start("writer", () -> registry.register("a"));
      Thread reader = start("reader", () -> registry.get("a")); /*registryGet*/
      writer.join();
      reader.join();
    });
  }
}

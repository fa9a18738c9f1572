package dev.weft.races;

import static dev.weft.races.RaceProbe.assertNoRace;
import static dev.weft.races.RaceProbe.assertRace;
import static dev.weft.races.RaceProbe.assertRaceReported;
import static dev.weft.races.RaceProbe.start;
import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.Access;
import dev.weft.Failure;
import dev.weft.Result;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ForkJoinPool;
import java.util.function.BiConsumer;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * Collection accesses a new user writes every day that used to pass unseen: calls made through
 * method references, reads of an access-ordered LinkedHashMap (every LRU cache), and a parallel
 * stream's own traversal on ForkJoin workers. Each is found with both lines; the correct
 * variants pass every execution.
 */
class HiddenCollectionCallsTest {

  // ---- method references -----------------------------------------------------------------------

  @Test
  void twoThreadsClearingOneListThroughMethodReferences() {
    Result result = assertRaceReported(getClass(), "clear1", "clear2", () -> {
      List<Integer> list = new ArrayList<>(List.of(1, 2, 3));
      Thread a = new Thread(list::clear); /*clear1*/
      Thread b = new Thread(list::clear); /*clear2*/
      a.start();
      b.start();
      a.join();
      b.join();
    });
    assertThat(result.failure().orElseThrow().accesses()).extracting(Access::operation)
        .containsOnly("ArrayList.clear");
  }

  @Test
  void aParallelStreamAddingToAnArrayListThroughAMethodReference() {
    Result result = assertRaceReported(getClass(), "addRef", "addRef", () -> {
      List<Integer> ids = new ArrayList<>();
      IntStream.range(0, 8).boxed().parallel().forEach(ids::add); /*addRef*/
    });
    assertThat(result.report()).contains("running a task submitted at HiddenCollectionCallsTest"
        + ".java:" + SourceMarkers.line(getClass(), "addRef"));
  }

  @Test
  void twoThreadsCopyingIntoOneMapWithMapPut() {
    assertRace(getClass(), "put1", "put2", () -> {
      Map<String, Integer> target = new HashMap<>();
      Map<String, Integer> first = Map.of("a", 1);
      Map<String, Integer> second = Map.of("b", 2);
      Thread a = start("t1", () -> first.forEach(target::put)); /*put1*/
      Thread b = start("t2", () -> second.forEach(target::put)); /*put2*/
      a.join();
      b.join();
    });
  }

  @Test
  void aMethodReferenceToAStringBuilderIsTrackedToo() {
    assertRace(getClass(), "sbRef1", "sbRef2", () -> {
      StringBuilder out = new StringBuilder();
      List<String> words = List.of("a", "b");
      Thread a = start("t1", () -> words.forEach(out::append)); /*sbRef1*/
      Thread b = start("t2", () -> words.forEach(out::append)); /*sbRef2*/
      a.join();
      b.join();
    });
  }

  @Test
  void methodReferencesCalledOneAfterTheOtherAreOrderedByJoin() {
    assertNoRace(() -> {
      List<Integer> list = new ArrayList<>(List.of(1, 2, 3));
      Thread a = new Thread(list::clear);
      a.start();
      a.join();
      Thread b = new Thread(list::clear);
      b.start();
      b.join();
      BiConsumer<Integer, Integer> put = new HashMap<Integer, Integer>()::put;
      put.accept(1, 1);
    });
  }

  @Test
  void aParallelStreamAddingToASynchronizedListThroughAMethodReference() {
    assertNoRace(() -> {
      List<Integer> ids = Collections.synchronizedList(new ArrayList<>());
      IntStream.range(0, 8).boxed().parallel().forEach(ids::add);
      ids.size();
    });
  }

  /** Serializable references keep their target: their deserialization checks its name. */
  @Test
  void aSerializableMethodReferenceStillDeserializes() throws Exception {
    List<Integer> list = new ArrayList<>(List.of(1, 2));
    Runnable clear = (Runnable & Serializable) list::clear;
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
      out.writeObject(clear);
    }
    Runnable copy;
    try (ObjectInputStream in = new ObjectInputStream(
        new ByteArrayInputStream(bytes.toByteArray()))) {
      copy = (Runnable) in.readObject();
    }
    copy.run();
    clear.run();
    assertThat(list).isEmpty();
  }

  // ---- LinkedHashMap in access order -----------------------------------------------------------

  @Test
  void twoThreadsReadingAnAccessOrderedLinkedHashMap() {
    Result result = assertRaceReported(getClass(), "lru1", "lru2", () -> {
      Map<String, Integer> cache = new LinkedHashMap<>(16, 0.75f, true);
      cache.put("a", 1);
      cache.put("b", 2);
      Thread a = start("t1", () -> cache.get("a")); /*lru1*/
      Thread b = start("t2", () -> cache.getOrDefault("b", 0)); /*lru2*/
      a.join();
      b.join();
    });
    assertThat(result.failure().orElseThrow().accesses()).extracting(Access::kind)
        .containsOnly(Access.Kind.STRUCTURAL_WRITE);
    assertThat(result.report()).contains("on a map built with accessOrder = true moves the entry"
        + " to the end of the order").contains("get included, with the same lock");
  }

  /** The usual LRU cache: an anonymous subclass that evicts the eldest entry. */
  @Test
  void anLruCacheOnLinkedHashMapReadByTwoThreads() {
    assertRace(getClass(), "cacheGet1", "cacheGet2", () -> {
      Map<Integer, String> cache = new LinkedHashMap<>(4, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Integer, String> eldest) {
          return size() > 2;
        }
      };
      cache.put(1, "one");
      cache.put(2, "two");
      Thread a = start("t1", () -> cache.get(1)); /*cacheGet1*/
      Thread b = start("t2", () -> cache.get(2)); /*cacheGet2*/
      a.join();
      b.join();
    });
  }

  @Test
  void twoThreadsReadingAnInsertionOrderedLinkedHashMap() {
    assertNoRace(() -> {
      Map<String, Integer> map = new LinkedHashMap<>(16, 0.75f, false);
      map.put("a", 1);
      map.put("b", 2);
      Thread a = start("t1", () -> map.get("a"));
      Thread b = start("t2", () -> map.getOrDefault("b", 0));
      a.join();
      b.join();
    });
  }

  @Test
  void anAccessOrderedLinkedHashMapReadUnderOneLock() {
    assertNoRace(() -> {
      Map<String, Integer> cache = new LinkedHashMap<>(16, 0.75f, true);
      cache.put("a", 1);
      Thread a = start("t1", () -> {
        synchronized (cache) {
          cache.get("a");
        }
      });
      Thread b = start("t2", () -> {
        synchronized (cache) {
          cache.get("a");
        }
      });
      a.join();
      b.join();
    });
  }

  // ---- a parallel stream's own traversal -------------------------------------------------------

  @Test
  void aParallelStreamTraversedOnlyByWorkersWhileAnotherThreadAdds() {
    Result result = assertRaceReported(getClass(), "traverse", "addDuring", () -> {
      List<Integer> list = new ArrayList<>(List.of(1, 2, 3, 4, 5, 6, 7, 8));
      IntStream values = list.parallelStream().mapToInt(i -> i);
      Thread writer = start("writer", () -> list.add(9)); /*addDuring*/
      // A pool of its own: a task of the common pool still running when the race aborts the
      // execution leaves that pool unusable for later explorations on JDK 25 (issue 12).
      ForkJoinPool pool = new ForkJoinPool(2);
      try {
        pool.submit(() -> values.sum()).get(); /*traverse*/
      } finally {
        pool.shutdown();
      }
      writer.join();
    });
    Failure failure = result.failure().orElseThrow();
    assertThat(failure.accesses()).anyMatch(a -> a.kind() == Access.Kind.ITERATION
        || a.kind() == Access.Kind.READ);
    assertThat(result.report()).contains("running a task submitted at HiddenCollectionCallsTest"
        + ".java:" + SourceMarkers.line(getClass(), "traverse"));
  }

  @Test
  void aParallelStreamInvokedByTheTestThreadWhileAnotherThreadAdds() {
    assertRace(getClass(), "sumDuring", "addWhileSum", () -> {
      List<Integer> list = new ArrayList<>(List.of(1, 2, 3, 4, 5, 6, 7, 8));
      IntStream values = list.parallelStream().mapToInt(i -> i);
      Thread writer = start("writer", () -> list.add(9)); /*addWhileSum*/
      values.sum(); /*sumDuring*/
      writer.join();
    });
  }

  @Test
  void aListWrittenOnlyAfterItsParallelStreamFinished() {
    assertNoRace(() -> {
      List<Integer> list = new ArrayList<>(List.of(1, 2, 3, 4, 5, 6, 7, 8));
      int sum = list.parallelStream().mapToInt(i -> i).sum();
      list.add(sum);
      Thread reader = start("reader", () -> list.parallelStream().count());
      reader.join();
      list.clear();
    });
  }
}

package dev.weft.races;

import static dev.weft.races.RaceProbe.assertNoRace;
import static dev.weft.races.RaceProbe.start;
import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.Access;
import dev.weft.Failure;
import dev.weft.Weft;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.LinkedList;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.NavigableSet;
import java.util.PriorityQueue;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.WeakHashMap;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every tracked collection, read through every kind of view (iterators, spliterators, streams,
 * keySet/values/entrySet, sub-lists, sub-maps, sub-sets, descending and reversed views) by one
 * thread while another thread writes it, with nothing ordering the two: each case must be a
 * DATA_RACE naming both lines. The view is opened in the body before the threads start (so the
 * thread start orders its creation), and only the steps through it can race.
 *
 * <p>A representative subset runs again with one lock around both sides and must pass: Weft must
 * never report a correctly synchronized program.
 *
 * <p>Each read and each write is a lambda on a line marked with its name: the report must point
 * at exactly those lines.
 */
class ViewCoverageTest {
  /** Races through views are found in the first executions: at most this many are explored. */
  private static final int ITERATIONS = 100;

  /** Schedules explored for each correctly synchronized case (two threads, one lock). */
  private static final int LOCKED_ITERATIONS = 50;

  enum Key { A, B, C, D, E, F, G }

  /**
   * What one thread does: {@code open} opens the view (in the body, before the threads start),
   * {@code use} is what the thread does with it, a lambda on the line marked with {@code name}.
   */
  record Action<C>(String name, Function<C, ?> open, Consumer<Object> use) {
    /** Opens the view of {@code c}; the result runs the thread's part. */
    Runnable openOn(C c) {
      Object view = open.apply(c);
      return () -> use.accept(view);
    }
  }

  @SuppressWarnings("unchecked")
  static <C, V> Action<C> act(String name, Function<C, V> open, Consumer<V> use) {
    return new Action<>(name, open, (Consumer<Object>) use);
  }

  // ---- The writes: one structural write per kind of collection ---------------------------------

  static final Action<Map<Integer, Integer>> PUT =
      act("put", (Map<Integer, Integer> m) -> m, m -> m.put(5, 5)); /*put*/
  static final Action<Map<Key, Integer>> PUT_ENUM =
      act("put(enum)", (Map<Key, Integer> m) -> m, m -> m.put(Key.E, 5)); /*put(enum)*/
  static final Action<Collection<Integer>> ADD =
      act("add", (Collection<Integer> c) -> c, c -> c.add(5)); /*add*/

  // ---- The reads -------------------------------------------------------------------------------

  static final List<Action<Map<?, ?>>> MAP_READS = List.of(
      act("keySet() loop", (Map<?, ?> m) -> m.keySet(),
          ks -> { for (Object k : ks) k.hashCode(); }), /*keySet() loop*/
      act("values() loop", (Map<?, ?> m) -> m.values(),
          vs -> { for (Object v : vs) v.hashCode(); }), /*values() loop*/
      act("entrySet() loop", (Map<?, ?> m) -> m.entrySet(),
          es -> { for (Map.Entry<?, ?> e : es) e.getKey(); }), /*entrySet() loop*/
      act("forEach((k, v) -> ...)", (Map<?, ?> m) -> m,
          m -> m.forEach((k, v) -> k.hashCode())), /*forEach((k, v) -> ...)*/
      act("keySet().forEach", (Map<?, ?> m) -> m.keySet(),
          ks -> ks.forEach(k -> k.hashCode())), /*keySet().forEach*/
      act("values().forEach", (Map<?, ?> m) -> m.values(),
          vs -> vs.forEach(v -> v.hashCode())), /*values().forEach*/
      act("entrySet().forEach", (Map<?, ?> m) -> m.entrySet(),
          es -> es.forEach(e -> e.getKey())), /*entrySet().forEach*/
      act("entrySet().iterator() steps", (Map<?, ?> m) -> m.entrySet().iterator(),
          it -> { while (it.hasNext()) it.next(); }), /*entrySet().iterator() steps*/
      act("keySet().spliterator().forEachRemaining", (Map<?, ?> m) -> m.keySet().spliterator(),
          s -> s.forEachRemaining(k -> k.hashCode())), /*keySet().spliterator().forEachRemaining*/
      act("values().spliterator().tryAdvance", (Map<?, ?> m) -> m.values().spliterator(),
          s -> { while (s.tryAdvance(v -> { })) { } }), /*values().spliterator().tryAdvance*/
      act("entrySet().stream().toList()", (Map<?, ?> m) -> m.entrySet().stream(),
          s -> s.toList()), /*entrySet().stream().toList()*/
      act("keySet().stream().count()", (Map<?, ?> m) -> m.keySet().stream(),
          s -> s.count()), /*keySet().stream().count()*/
      act("keySet().toArray()", (Map<?, ?> m) -> m.keySet(),
          ks -> ks.toArray()), /*keySet().toArray()*/
      act("values().contains()", (Map<?, ?> m) -> m.values(),
          vs -> vs.contains(4)), /*values().contains()*/
      act("keySet().size()", (Map<?, ?> m) -> m.keySet(), ks -> ks.size())); /*keySet().size()*/

  static final List<Action<Collection<?>>> COLLECTION_READS = List.of(
      act("for-each loop", (Collection<?> c) -> c,
          c -> { for (Object x : c) x.hashCode(); }), /*for-each loop*/
      act("iterator() steps", (Collection<?> c) -> c.iterator(),
          it -> { while (it.hasNext()) it.next(); }), /*iterator() steps*/
      act("forEach(x -> ...)", (Collection<?> c) -> c,
          c -> c.forEach(x -> x.hashCode())), /*forEach(x -> ...)*/
      act("spliterator().forEachRemaining", (Collection<?> c) -> c.spliterator(),
          s -> s.forEachRemaining(x -> x.hashCode())), /*spliterator().forEachRemaining*/
      act("spliterator().tryAdvance", (Collection<?> c) -> c.spliterator(),
          s -> { while (s.tryAdvance(x -> x.hashCode())) { } }), /*spliterator().tryAdvance*/
      act("stream().toList()", (Collection<?> c) -> c.stream(),
          s -> s.toList()), /*stream().toList()*/
      act("stream().count()", (Collection<?> c) -> c.stream(),
          s -> s.count())); /*stream().count()*/

  static final List<Action<List<?>>> LIST_READS = List.of(
      act("subList() loop", (List<?> l) -> l.subList(1, 3),
          s -> { for (Object x : s) x.hashCode(); }), /*subList() loop*/
      act("subList().iterator() steps", (List<?> l) -> l.subList(1, 3).iterator(),
          it -> { while (it.hasNext()) it.next(); }), /*subList().iterator() steps*/
      act("subList().spliterator().forEachRemaining", (List<?> l) -> l.subList(1, 3).spliterator(),
          s -> s.forEachRemaining(x -> x.hashCode())), /*subList().spliterator().forEachRemaining*/
      act("subList().stream().toList()", (List<?> l) -> l.subList(1, 3).stream(),
          s -> s.toList()), /*subList().stream().toList()*/
      act("subList().get()", (List<?> l) -> l.subList(1, 3), s -> s.get(0)), /*subList().get()*/
      act("listIterator() backwards", (List<?> l) -> l.listIterator(l.size()),
          it -> { while (it.hasPrevious()) it.previous(); })); /*listIterator() backwards*/

  static final List<Action<Deque<?>>> DEQUE_READS = List.of(
      act("descendingIterator() steps", (Deque<?> d) -> d.descendingIterator(),
          it -> { while (it.hasNext()) it.next(); })); /*descendingIterator() steps*/

  static final List<Action<NavigableSet<Integer>>> NAVIGABLE_SET_READS = List.of(
      act("headSet() loop", (NavigableSet<Integer> s) -> s.headSet(6),
          v -> { for (Object x : v) x.hashCode(); }), /*headSet() loop*/
      act("tailSet() loop", (NavigableSet<Integer> s) -> s.tailSet(3),
          v -> { for (Object x : v) x.hashCode(); }), /*tailSet() loop*/
      act("subSet() loop", (NavigableSet<Integer> s) -> s.subSet(3, 7),
          v -> { for (Object x : v) x.hashCode(); }), /*subSet() loop*/
      act("descendingSet() loop", (NavigableSet<Integer> s) -> s.descendingSet(),
          v -> { for (Object x : v) x.hashCode(); }), /*descendingSet() loop*/
      act("descendingSet().iterator() steps",
          (NavigableSet<Integer> s) -> s.descendingSet().iterator(),
          it -> { while (it.hasNext()) it.next(); }), /*descendingSet().iterator() steps*/
      act("headSet().spliterator().forEachRemaining",
          (NavigableSet<Integer> s) -> s.headSet(6).spliterator(),
          s -> s.forEachRemaining(x -> { })), /*headSet().spliterator().forEachRemaining*/
      act("descendingSet().stream().toList()",
          (NavigableSet<Integer> s) -> s.descendingSet().stream(),
          st -> st.toList()), /*descendingSet().stream().toList()*/
      act("tailSet().first()", (NavigableSet<Integer> s) -> s.tailSet(3),
          v -> v.first()), /*tailSet().first()*/
      act("subSet().ceiling()", (NavigableSet<Integer> s) -> s.subSet(3, true, 7, true),
          v -> v.ceiling(4)), /*subSet().ceiling()*/
      act("descendingSet().last()", (NavigableSet<Integer> s) -> s.descendingSet(),
          v -> v.last()), /*descendingSet().last()*/
      act("tailSet().size()", (NavigableSet<Integer> s) -> s.tailSet(3),
          v -> v.size())); /*tailSet().size()*/

  static final List<Action<NavigableMap<Integer, Integer>>> NAVIGABLE_MAP_READS = List.of(
      act("navigableKeySet() loop", (NavigableMap<Integer, Integer> m) -> m.navigableKeySet(),
          v -> { for (Object x : v) x.hashCode(); }), /*navigableKeySet() loop*/
      act("descendingKeySet() loop", (NavigableMap<Integer, Integer> m) -> m.descendingKeySet(),
          v -> { for (Object x : v) x.hashCode(); }), /*descendingKeySet() loop*/
      act("descendingMap() loop",
          (NavigableMap<Integer, Integer> m) -> m.descendingMap().entrySet(),
          v -> { for (Object x : v) x.hashCode(); }), /*descendingMap() loop*/
      act("headMap().keySet() loop", (NavigableMap<Integer, Integer> m) -> m.headMap(6).keySet(),
          v -> { for (Object x : v) x.hashCode(); }), /*headMap().keySet() loop*/
      act("tailMap().values() loop", (NavigableMap<Integer, Integer> m) -> m.tailMap(3).values(),
          v -> { for (Object x : v) x.hashCode(); }), /*tailMap().values() loop*/
      act("subMap().entrySet() loop",
          (NavigableMap<Integer, Integer> m) -> m.subMap(3, 7).entrySet(),
          v -> { for (Object x : v) x.hashCode(); }), /*subMap().entrySet() loop*/
      act("descendingKeySet().iterator() steps",
          (NavigableMap<Integer, Integer> m) -> m.descendingKeySet().iterator(),
          it -> { while (it.hasNext()) it.next(); }), /*descendingKeySet().iterator() steps*/
      act("navigableKeySet().descendingIterator() steps",
          (NavigableMap<Integer, Integer> m) -> m.navigableKeySet().descendingIterator(),
          it -> { while (it.hasNext()) it.next(); }), /*navigableKeySet().descendingIterator() steps*/
      act("headMap().keySet().spliterator().forEachRemaining",
          (NavigableMap<Integer, Integer> m) -> m.headMap(6).keySet().spliterator(),
          s -> s.forEachRemaining(x -> { })), /*headMap().keySet().spliterator().forEachRemaining*/
      act("descendingMap().values().stream().toList()",
          (NavigableMap<Integer, Integer> m) -> m.descendingMap().values().stream(),
          s -> s.toList()), /*descendingMap().values().stream().toList()*/
      act("descendingKeySet().stream().count()",
          (NavigableMap<Integer, Integer> m) -> m.descendingKeySet().stream(),
          s -> s.count()), /*descendingKeySet().stream().count()*/
      act("subMap().forEach", (NavigableMap<Integer, Integer> m) -> m.subMap(3, 7),
          v -> v.forEach((k, x) -> k.hashCode())), /*subMap().forEach*/
      act("tailMap().firstKey()", (NavigableMap<Integer, Integer> m) -> m.tailMap(3, true),
          v -> v.firstKey()), /*tailMap().firstKey()*/
      act("headMap().lastEntry()", (NavigableMap<Integer, Integer> m) -> m.headMap(6, false),
          v -> v.lastEntry()), /*headMap().lastEntry()*/
      act("descendingKeySet().first()", (NavigableMap<Integer, Integer> m) -> m.descendingKeySet(),
          v -> v.first()), /*descendingKeySet().first()*/
      act("navigableKeySet().ceiling()", (NavigableMap<Integer, Integer> m) -> m.navigableKeySet(),
          v -> v.ceiling(3)), /*navigableKeySet().ceiling()*/
      act("headMap().size()", (NavigableMap<Integer, Integer> m) -> m.headMap(6),
          v -> v.size())); /*headMap().size()*/

  /** SequencedCollection and SequencedMap {@code reversed()} (JDK 21+), called reflectively. */
  static final Action<Object> REVERSED_LOOP =
      act("reversed() loop", (Object c) -> (Iterable<?>) reversed(c),
          r -> { for (Object x : r) x.hashCode(); }); /*reversed() loop*/
  static final Action<Object> REVERSED_MAP_LOOP =
      act("reversed().entrySet() loop", (Object m) -> ((Map<?, ?>) reversed(m)).entrySet(),
          r -> { for (Object x : r) x.hashCode(); }); /*reversed().entrySet() loop*/

  // ---- The collections -------------------------------------------------------------------------

  static Map<Integer, Integer> entries() {
    return Map.of(2, 2, 4, 4, 8, 8);
  }

  static List<Integer> elements() {
    return List.of(2, 4, 8);
  }

  static Map<Key, Integer> enumEntries() {
    return Map.of(Key.A, 1, Key.C, 3, Key.G, 7);
  }

  static Stream<Case<?>> raceCases() {
    List<Case<?>> cases = new ArrayList<>();
    readsWhileWriting(cases, "HashMap", () -> new HashMap<>(entries()), PUT, MAP_READS);
    readsWhileWriting(cases, "LinkedHashMap", () -> new LinkedHashMap<>(entries()), PUT, MAP_READS);
    readsWhileWriting(cases, "TreeMap", () -> new TreeMap<>(entries()), PUT, MAP_READS);
    readsWhileWriting(cases, "TreeMap", () -> new TreeMap<>(entries()), PUT, NAVIGABLE_MAP_READS);
    readsWhileWriting(cases, "WeakHashMap", () -> new WeakHashMap<>(entries()), PUT, MAP_READS);
    readsWhileWriting(cases, "IdentityHashMap", () -> new IdentityHashMap<>(entries()), PUT,
        MAP_READS);
    readsWhileWriting(cases, "EnumMap", () -> new EnumMap<>(enumEntries()), PUT_ENUM, MAP_READS);
    readsWhileWriting(cases, "HashSet", () -> new HashSet<>(elements()), ADD, COLLECTION_READS);
    readsWhileWriting(cases, "LinkedHashSet", () -> new LinkedHashSet<>(elements()), ADD,
        COLLECTION_READS);
    readsWhileWriting(cases, "TreeSet", () -> new TreeSet<>(elements()), ADD, COLLECTION_READS);
    readsWhileWriting(cases, "TreeSet", () -> new TreeSet<>(elements()), ADD, NAVIGABLE_SET_READS);
    readsWhileWriting(cases, "ArrayList", () -> new ArrayList<>(elements()), ADD, COLLECTION_READS);
    readsWhileWriting(cases, "ArrayList", () -> new ArrayList<>(elements()), ADD, LIST_READS);
    readsWhileWriting(cases, "LinkedList", () -> new LinkedList<>(elements()), ADD,
        COLLECTION_READS);
    readsWhileWriting(cases, "LinkedList", () -> new LinkedList<>(elements()), ADD, LIST_READS);
    readsWhileWriting(cases, "LinkedList", () -> new LinkedList<>(elements()), ADD, DEQUE_READS);
    readsWhileWriting(cases, "ArrayDeque", () -> new ArrayDeque<>(elements()), ADD,
        COLLECTION_READS);
    readsWhileWriting(cases, "ArrayDeque", () -> new ArrayDeque<>(elements()), ADD, DEQUE_READS);
    readsWhileWriting(cases, "PriorityQueue", () -> new PriorityQueue<>(elements()), ADD,
        COLLECTION_READS);
    // A view of an application subclass: its owner is the subclass, whose own fields (this$0 to
    // this test) are never followed.
    readsWhileWriting(cases, "HashMap subclass",
        () -> new ViewCoverageTest().anonymousHashMap(), PUT,
        pick(MAP_READS, "keySet() loop", "keySet().spliterator().forEachRemaining"));
    readsWhileWriting(cases, "TreeMap subclass",
        () -> new ViewCoverageTest().anonymousTreeMap(), PUT,
        pick(NAVIGABLE_MAP_READS, "descendingKeySet() loop", "tailMap().firstKey()"));
    return cases.stream();
  }

  static Stream<Case<?>> reversedCases() {
    List<Case<?>> cases = new ArrayList<>();
    List<Action<Object>> loop = List.of(REVERSED_LOOP);
    readsWhileWriting(cases, "ArrayList", () -> new ArrayList<>(elements()), ADD, loop);
    readsWhileWriting(cases, "LinkedList", () -> new LinkedList<>(elements()), ADD, loop);
    readsWhileWriting(cases, "ArrayDeque", () -> new ArrayDeque<>(elements()), ADD, loop);
    readsWhileWriting(cases, "LinkedHashSet", () -> new LinkedHashSet<>(elements()), ADD, loop);
    readsWhileWriting(cases, "TreeSet", () -> new TreeSet<>(elements()), ADD, loop);
    List<Action<Object>> mapLoop = List.of(REVERSED_MAP_LOOP);
    readsWhileWriting(cases, "LinkedHashMap", () -> new LinkedHashMap<>(entries()), PUT, mapLoop);
    readsWhileWriting(cases, "TreeMap", () -> new TreeMap<>(entries()), PUT, mapLoop);
    return cases.stream();
  }

  // ---- Writes through views, while another thread reads the collection --------------------------

  static final Action<Map<?, ?>> GET = act("get", (Map<?, ?> m) -> m, m -> m.get(2)); /*get*/
  static final Action<Map<Key, ?>> GET_ENUM = act("get(enum)", (Map<Key, ?> m) -> m,
      m -> m.get(Key.A)); /*get(enum)*/
  static final Action<Collection<?>> CONTAINS = act("contains", (Collection<?> c) -> c,
      c -> c.contains(2)); /*contains*/

  static Stream<Case<?>> viewWriteCases() {
    List<Case<?>> cases = new ArrayList<>();
    cases.add(new Case<Map<Integer, Integer>>("HashMap", () -> new HashMap<>(entries()), GET,
        act("keySet().remove()", (Map<Integer, Integer> m) -> m.keySet(),
            ks -> ks.remove(2)), /*keySet().remove()*/
        "HashMap.keySet().remove"));
    cases.add(new Case<Map<Integer, Integer>>("HashMap", () -> new HashMap<>(entries()), GET,
        act("entrySet().iterator().remove()", (Map<Integer, Integer> m) -> m.entrySet().iterator(),
            it -> { it.next(); it.remove(); }), /*entrySet().iterator().remove()*/
        "HashMap.iterator().remove"));
    cases.add(new Case<Map<Integer, Integer>>("LinkedHashMap",
        () -> new LinkedHashMap<>(entries()), GET,
        act("values().removeIf()", (Map<Integer, Integer> m) -> m.values(),
            vs -> vs.removeIf(v -> v == 2)), /*values().removeIf()*/
        null));
    cases.add(new Case<NavigableMap<Integer, Integer>>("TreeMap",
        () -> new TreeMap<>(entries()), GET,
        act("headMap().pollFirstEntry()", (NavigableMap<Integer, Integer> m) -> m.headMap(6, false),
            h -> h.pollFirstEntry()), /*headMap().pollFirstEntry()*/
        "TreeMap.subMap().pollFirstEntry"));
    cases.add(new Case<NavigableMap<Integer, Integer>>("TreeMap",
        () -> new TreeMap<>(entries()), GET,
        act("descendingMap().put()", (NavigableMap<Integer, Integer> m) -> m.descendingMap(),
            d -> d.put(5, 5)), /*descendingMap().put()*/
        "TreeMap.descendingMap().put"));
    cases.add(new Case<NavigableMap<Integer, Integer>>("TreeMap",
        () -> new TreeMap<>(entries()), GET,
        act("navigableKeySet().pollFirst()",
            (NavigableMap<Integer, Integer> m) -> m.navigableKeySet(),
            ks -> ks.pollFirst()), /*navigableKeySet().pollFirst()*/
        "TreeMap.keySet().pollFirst"));
    cases.add(new Case<NavigableMap<Integer, Integer>>("TreeMap",
        () -> new TreeMap<>(entries()), GET,
        act("tailMap().entrySet().iterator().remove()",
            (NavigableMap<Integer, Integer> m) -> m.tailMap(3).entrySet().iterator(),
            it -> { it.next(); it.remove(); }), /*tailMap().entrySet().iterator().remove()*/
        "TreeMap.iterator().remove"));
    cases.add(new Case<NavigableMap<Integer, Integer>>("TreeMap",
        () -> new TreeMap<>(entries()), GET,
        act("descendingKeySet().iterator().remove()",
            (NavigableMap<Integer, Integer> m) -> m.descendingKeySet().iterator(),
            it -> { it.next(); it.remove(); }), /*descendingKeySet().iterator().remove()*/
        "TreeMap.iterator().remove"));
    cases.add(new Case<NavigableMap<Integer, Integer>>("TreeMap",
        () -> new TreeMap<>(entries()), GET,
        act("navigableKeySet().descendingIterator().remove()",
            (NavigableMap<Integer, Integer> m) -> m.navigableKeySet().descendingIterator(),
            it -> { it.next(); it.remove(); }), /*navigableKeySet().descendingIterator().remove()*/
        "TreeMap.iterator().remove"));
    cases.add(new Case<NavigableSet<Integer>>("TreeSet", () -> new TreeSet<>(elements()), CONTAINS,
        act("headSet().pollFirst()", (NavigableSet<Integer> s) -> s.headSet(6, false),
            h -> h.pollFirst()), /*headSet().pollFirst()*/
        "TreeMap.subMap().pollFirstEntry"));
    cases.add(new Case<NavigableSet<Integer>>("TreeSet", () -> new TreeSet<>(elements()), CONTAINS,
        act("descendingSet().remove()", (NavigableSet<Integer> s) -> s.descendingSet(),
            d -> d.remove(2)), /*descendingSet().remove()*/
        "TreeMap.descendingMap().remove"));
    cases.add(new Case<NavigableSet<Integer>>("TreeSet", () -> new TreeSet<>(elements()), CONTAINS,
        act("descendingIterator().remove()", (NavigableSet<Integer> s) -> s.descendingIterator(),
            it -> { it.next(); it.remove(); }), /*descendingIterator().remove()*/
        "TreeMap.iterator().remove"));
    cases.add(new Case<List<Integer>>("ArrayList", () -> new ArrayList<>(elements()), CONTAINS,
        act("subList().clear()", (List<Integer> l) -> l.subList(0, 2),
            s -> s.clear()), /*subList().clear()*/
        "ArrayList.subList().removeRange"));
    cases.add(new Case<List<Integer>>("ArrayList", () -> new ArrayList<>(elements()), CONTAINS,
        act("subList().add()", (List<Integer> l) -> l.subList(0, 2),
            s -> s.add(5)), /*subList().add()*/
        "ArrayList.subList().add"));
    cases.add(new Case<List<Integer>>("ArrayList", () -> new ArrayList<>(elements()), CONTAINS,
        act("subList().iterator().remove()", (List<Integer> l) -> l.subList(0, 2).iterator(),
            it -> { it.next(); it.remove(); }), /*subList().iterator().remove()*/
        "ArrayList.iterator().remove"));
    cases.add(new Case<List<Integer>>("ArrayList", () -> new ArrayList<>(elements()), CONTAINS,
        act("listIterator().add()", (List<Integer> l) -> l.listIterator(),
            it -> it.add(5)), /*listIterator().add()*/
        "ArrayList.iterator().add"));
    cases.add(new Case<List<Integer>>("LinkedList", () -> new LinkedList<>(elements()), CONTAINS,
        act("subList().clear() (LinkedList)", (List<Integer> l) -> l.subList(0, 2),
            s -> s.clear()), /*subList().clear() (LinkedList)*/
        null));
    cases.add(new Case<Deque<Integer>>("LinkedList", () -> new LinkedList<>(elements()), CONTAINS,
        act("descendingIterator().remove() (LinkedList)",
            (Deque<Integer> d) -> d.descendingIterator(),
            it -> { it.next(); it.remove(); }), /*descendingIterator().remove() (LinkedList)*/
        "LinkedList.iterator().remove"));
    cases.add(new Case<Deque<Integer>>("ArrayDeque", () -> new ArrayDeque<>(elements()), CONTAINS,
        act("descendingIterator().remove() (ArrayDeque)",
            (Deque<Integer> d) -> d.descendingIterator(),
            it -> { it.next(); it.remove(); }), /*descendingIterator().remove() (ArrayDeque)*/
        "ArrayDeque.iterator().remove"));
    cases.add(new Case<Collection<Integer>>("PriorityQueue",
        () -> new PriorityQueue<>(elements()), CONTAINS,
        act("iterator().remove()", (Collection<Integer> c) -> c.iterator(),
            it -> { it.next(); it.remove(); }), /*iterator().remove()*/
        "PriorityQueue.iterator().remove"));
    cases.add(new Case<Map<Integer, Integer>>("WeakHashMap",
        () -> new WeakHashMap<>(entries()), GET,
        act("keySet().iterator().remove()", (Map<Integer, Integer> m) -> m.keySet().iterator(),
            it -> { it.next(); it.remove(); }), /*keySet().iterator().remove()*/
        "WeakHashMap.iterator().remove"));
    cases.add(new Case<Map<Integer, Integer>>("IdentityHashMap",
        () -> new IdentityHashMap<>(entries()), GET,
        act("values().remove()", (Map<Integer, Integer> m) -> m.values(),
            vs -> vs.remove(2)), /*values().remove()*/
        "IdentityHashMap.values().remove"));
    cases.add(new Case<Map<Key, Integer>>("EnumMap", () -> new EnumMap<>(enumEntries()), GET_ENUM,
        act("entrySet().iterator().remove() (EnumMap)",
            (Map<Key, Integer> m) -> m.entrySet().iterator(),
            it -> { it.next(); it.remove(); }), /*entrySet().iterator().remove() (EnumMap)*/
        "EnumMap.iterator().remove"));
    return cases.stream();
  }

  // ---- The tests -------------------------------------------------------------------------------

  @ParameterizedTest(name = "{0}")
  @MethodSource({"raceCases", "viewWriteCases"})
  void aReadThroughAViewRacesWithAWrite(Case<?> c) {
    c.assertRace();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("reversedCases")
  void aReadThroughAReversedViewRacesWithAWrite(Case<?> c) {
    Assumptions.assumeTrue(Runtime.version().feature() >= 21, "reversed() is JDK 21+");
    c.assertRace();
  }

  /** One case per kind of view, with the same lock around the read and the write. */
  static Stream<Case<?>> synchronizedCases() {
    List<String> picked = List.of(
        "HashMap: keySet() loop", "LinkedHashMap: entrySet().stream().toList()",
        "TreeMap: descendingKeySet() loop", "TreeMap: subMap().entrySet() loop",
        "TreeMap: tailMap().firstKey()",
        "TreeMap: headMap().keySet().spliterator().forEachRemaining",
        "WeakHashMap: values().spliterator().tryAdvance", "IdentityHashMap: keySet().forEach",
        "EnumMap: entrySet().iterator() steps", "EnumMap: keySet().size()",
        "HashSet: stream().count()", "LinkedHashSet: spliterator().forEachRemaining",
        "TreeSet: descendingSet() loop", "TreeSet: headSet().spliterator().forEachRemaining",
        "ArrayList: subList().iterator() steps", "LinkedList: spliterator().tryAdvance",
        "ArrayDeque: descendingIterator() steps", "PriorityQueue: stream().toList()",
        "TreeSet: headSet().pollFirst()", "ArrayList: subList().clear()",
        "TreeMap: headMap().pollFirstEntry()", "TreeMap subclass: descendingKeySet() loop");
    Map<String, Case<?>> all = new LinkedHashMap<>();
    Stream.concat(raceCases(), viewWriteCases())
        .forEach(c -> all.put(c.toString(), c));
    assertThat(all.keySet()).containsAll(picked);
    return picked.stream().map(all::get);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("synchronizedCases")
  void theSameReadAndWriteUnderOneLockIsNoRace(Case<?> c) {
    assertNoRace(LOCKED_ITERATIONS, c.locked());
  }

  @Test
  void everyReadAndWriteHasItsOwnMarkedLine() {
    Map<Integer, String> lines = new HashMap<>();
    Stream.of(raceCases(), viewWriteCases(), reversedCases()).flatMap(s -> s)
        .flatMap(c -> Stream.of(c.read.name(), c.write.name()))
        .distinct()
        .forEach(name -> {
          String previous = lines.put(SourceMarkers.line(getClass(), name), name);
          assertThat(previous).as("two markers on one line: %s, %s", previous, name).isNull();
        });
  }

  // ---- Plumbing --------------------------------------------------------------------------------

  private static final String WELL_NAMED =
      "[A-Z][A-Za-z]*( iteration|(\\.[a-z][A-Za-z]*\\(\\))*\\.[a-z][A-Za-z]*)";

  /** A collection, a read and a write; {@code operation}, if set, is named in the report. */
  record Case<C>(String collection, Supplier<C> create, Action<? super C> read,
      Action<? super C> write, String operation) {
    Case(String collection, Supplier<C> create, Action<? super C> read, Action<? super C> write) {
      this(collection, create, read, write, null);
    }

    @Override
    public String toString() {
      String view = write == PUT || write == PUT_ENUM || write == ADD ? read.name() : write.name();
      return collection + ": " + view;
    }

    /** Opens the views in the body, then reads and writes through them in two threads. */
    Weft.Body racing() {
      return () -> {
        C c = create.get();
        Runnable reading = open(read, c);
        Runnable writing = open(write, c);
        Thread reader = start("reader", reading);
        Thread writer = start("writer", writing);
        reader.join();
        writer.join();
      };
    }

    /**
     * Both threads use their view holding one lock. A live view (a key set, a sub-map) is opened
     * in the body as in {@link #racing}; an iterator, spliterator or stream is opened under the
     * lock, as correct code does (one opened before the other thread's write would fail fast
     * with ConcurrentModificationException).
     */
    Weft.Body locked() {
      return () -> {
        C c = create.get();
        Object lock = new Object();
        Runnable reading = underLock(lock, read, c);
        Runnable writing = underLock(lock, write, c);
        Thread reader = start("reader", reading);
        Thread writer = start("writer", writing);
        reader.join();
        writer.join();
      };
    }

    private static <C> Runnable underLock(Object lock, Action<C> action, C c) {
      Object view = action.open().apply(c);
      boolean live = view instanceof Collection || view instanceof Map;
      return () -> {
        synchronized (lock) {
          action.use().accept(live ? view : action.open().apply(c));
        }
      };
    }

    void assertRace() {
      Failure failure = RaceProbe.assertRace(ViewCoverageTest.class, read.name(), write.name(),
          ITERATIONS, racing());
      // HashMap.put, TreeMap iteration, TreeMap.subMap().pollFirstEntry: never a nameless
      // anonymous class, an inner class name or a $.
      assertThat(failure.accesses()).extracting(Access::operation)
          .allSatisfy(name -> assertThat(name).matches(WELL_NAMED));
      if (operation != null) {
        assertThat(failure.accesses()).extracting(Access::operation).contains(operation);
      }
    }

    private static <C> Runnable open(Action<C> action, C c) {
      return action.openOn(c);
    }
  }

  static <C> void readsWhileWriting(List<Case<?>> cases, String collection, Supplier<C> create,
      Action<? super C> write, List<? extends Action<? super C>> reads) {
    for (Action<? super C> read : reads) {
      cases.add(new Case<C>(collection, create, read, write));
    }
  }

  static <C> List<Action<C>> pick(List<Action<C>> actions, String... names) {
    List<String> wanted = List.of(names);
    List<Action<C>> picked = actions.stream().filter(a -> wanted.contains(a.name())).toList();
    assertThat(picked).hasSize(names.length);
    return picked;
  }

  private final int base = 2;

  /** {@code new HashMap<>() {{ ... }}}: an application class with a this$0 to the test. */
  Map<Integer, Integer> anonymousHashMap() {
    return new HashMap<>() {
      {
        put(base, base);
        put(base + 2, base + 2);
      }
    };
  }

  NavigableMap<Integer, Integer> anonymousTreeMap() {
    return new TreeMap<>() {
      {
        put(base, base);
        put(base + 2, base + 2);
        put(base + 4, base + 4);
      }
    };
  }

  private static Object reversed(Object sequenced) {
    try {
      return sequenced.getClass().getMethod("reversed").invoke(sequenced);
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException(e);
    }
  }
}

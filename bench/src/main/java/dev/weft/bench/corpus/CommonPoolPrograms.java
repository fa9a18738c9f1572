package dev.weft.bench.corpus;

import dev.weft.Failure;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A lost update between two {@code CompletableFuture.supplyAsync} tasks on the common pool. On a
 * 2-core machine the JDK gives the pool one worker, so the two tasks ran one after the other (JDK
 * 25) and Weft never found the race there, while a laptop found it; Weft now fixes the pool's
 * parallelism (issue 11).
 */
final class CommonPoolPrograms {
  private CommonPoolPrograms() {}

  /** A hit counter whose increment is a read, then a write. */
  static final class Hits {
    int count;

    void increment() {
      int seen = count;
      count = seen + 1;
    }
  }

  static CorpusProgram completableFutures(boolean buggy) {
    return new CorpusProgram(buggy ? "completable-future-race" : "completable-future-fixed",
        "JDK CompletableFuture on the common pool (one worker on 2 cores)",
        buggy ? Failure.Kind.DATA_RACE : null, () -> {
          Hits hits = new Hits();
          AtomicInteger atomicHits = new AtomicInteger();
          Runnable hit = buggy ? hits::increment : atomicHits::incrementAndGet;
          CompletableFuture<Void> a = CompletableFuture.runAsync(hit);
          CompletableFuture<Void> b = CompletableFuture.runAsync(hit);
          a.join();
          b.join();
          return buggy ? hits.count : atomicHits.get();
        }, result -> !Integer.valueOf(2).equals(result));
  }
}

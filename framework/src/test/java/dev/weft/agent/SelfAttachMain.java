package dev.weft.agent;

import dev.weft.Options;
import dev.weft.Result;
import dev.weft.Weft;
import java.util.concurrent.atomic.AtomicInteger;

/** Runs in a child JVM started without -javaagent: Weft must attach itself and still work. */
public final class SelfAttachMain {
  private SelfAttachMain() {}

  public static void main(String[] args) {
    Result result = Weft.explore(Options.defaults().seed(1).iterations(500), () -> {
      AtomicInteger counter = new AtomicInteger();
      Runnable increment = () -> counter.set(counter.get() + 1);
      Thread a = new Thread(increment);
      Thread b = new Thread(increment);
      a.start();
      b.start();
      a.join();
      b.join();
      if (counter.get() != 2) throw new AssertionError("lost update");
    });
    System.out.println("RESULT " + result.failure().map(f -> f.kind().name()).orElse("PASSED"));
    System.exit(0);
  }
}

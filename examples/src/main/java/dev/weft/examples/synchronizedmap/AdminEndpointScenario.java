package dev.weft.examples.synchronizedmap;

import dev.weft.examples.Check;
import dev.weft.examples.Threads;
import java.util.List;

/** The workload of both registries: the admin endpoint lists connections as clients connect. */
public final class AdminEndpointScenario {
  private AdminEndpointScenario() {}

  /** The acceptor accepts two clients while an admin lists connections; no listing may be torn. */
  public static void listWhileAccepting(Connections connections) throws InterruptedException {
    connections.opened("c-1", "10.0.0.1");
    Thread acceptor = Threads.start("acceptor", () -> {
      connections.opened("c-2", "10.0.0.2");
      connections.opened("c-3", "10.0.0.3");
    });
    Thread admin = Threads.start("admin-endpoint", () -> {
      List<String> listed = connections.describe();
      Check.that(!listed.isEmpty() && listed.get(0).equals("c-1 <- 10.0.0.1")
          && listed.size() <= 3, "torn listing " + listed);
    });
    Threads.joinAll(acceptor, admin);
    Check.equal(3, connections.describe().size(), "connections at the end");
  }
}

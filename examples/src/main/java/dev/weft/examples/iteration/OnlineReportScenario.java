package dev.weft.examples.iteration;

import dev.weft.examples.Check;
import dev.weft.examples.Threads;
import java.util.Set;

/** The workload of both registries: a reporter lists users while a login thread changes sessions. */
public final class OnlineReportScenario {
  private OnlineReportScenario() {}

  /**
   * Alice is online; bob logs in and alice logs out while the reporter lists who is online twice.
   * Every report may only name users who were online at some point.
   */
  public static void reportDuringLogins(Sessions sessions) throws InterruptedException {
    sessions.open("s-1", "alice");
    Thread logins = Threads.start("login", () -> {
      sessions.open("s-2", "bob");
      sessions.close("s-1");
    });
    Thread reporter = Threads.start("online-report", () -> {
      for (int i = 0; i < 2; i++) {
        Set<String> online = sessions.usersOnline();
        Check.that(Set.of("alice", "bob").containsAll(online), "unknown users in " + online);
      }
    });
    Threads.joinAll(logins, reporter);
    Check.equal(Set.of("bob"), sessions.usersOnline(), "users online at the end");
  }
}

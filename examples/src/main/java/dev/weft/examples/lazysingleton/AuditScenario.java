package dev.weft.examples.lazysingleton;

import dev.weft.examples.Check;
import dev.weft.examples.Threads;

/** Two request threads each write one line to the audit log; both lines must be in it. */
public final class AuditScenario {
  private AuditScenario() {}

  public static void twoRequests(AuditLogs logs) throws InterruptedException {
    logs.reset();
    String a = "login " + System.identityHashCode(new Object());
    String b = "logout " + System.identityHashCode(new Object());
    Thread first = Threads.start("request-1", () -> logs.get().append(a));
    Thread second = Threads.start("request-2", () -> logs.get().append(b));
    Threads.joinAll(first, second);
    String text = logs.get().text();
    Check.that(text.contains(a) && text.contains(b), "both lines are in the audit log");
  }
}

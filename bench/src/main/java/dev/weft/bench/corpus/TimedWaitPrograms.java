package dev.weft.bench.corpus;

import dev.weft.Failure;
import java.util.concurrent.TimeoutException;

/**
 * A lost notification in a timed-wait loop: a client waits for a reply with a deadline, the way
 * request-reply clients implement "call with timeout" on {@code Object.wait(long)}, which does not
 * say whether it timed out, so the loop decides that by the clock after each wait. The buggy loop
 * checks for the reply without the monitor ({@code volatile} makes the reply visible, not the
 * check-then-wait atomic): a reply that comes between the check and the wait notifies nobody, the
 * client sleeps to its deadline and then reports a timeout although the reply came long before.
 * The fix, the pattern of the JDK's own {@code Thread.join(long)}, checks under the monitor it
 * waits on, and the reply before the clock.
 *
 * <p>Under Weft the wait and the clock are virtual: the lost notification costs no real time, and
 * the wait times out as soon as no other thread can run.
 */
final class TimedWaitPrograms {
  private TimedWaitPrograms() {}

  /** How long a client waits for a reply; a plain run that loses the notification waits it out. */
  static final long TIMEOUT_MILLIS = 200;

  /** Calls a client makes in one run, each answered by a responder thread of its own. */
  static final int CALLS = 5;

  /** Where a responder puts its reply and a client waits for it. */
  static final class ReplySlot {
    private volatile Object reply;

    synchronized void complete(Object value) {
      reply = value;
      notifyAll();
    }

    /** The bug: the check is outside the monitor, and the clock is read before the reply. */
    Object awaitUnguarded(long timeoutMillis) throws InterruptedException, TimeoutException {
      long deadline = System.currentTimeMillis() + timeoutMillis;
      long left = timeoutMillis;
      while (reply == null) {
        synchronized (this) {
          wait(left);
        }
        left = deadline - System.currentTimeMillis();
        if (left <= 0) throw new TimeoutException("no reply within " + timeoutMillis + " ms");
      }
      return reply;
    }

    /** The fix: check and wait under one monitor, the reply before the clock. */
    synchronized Object await(long timeoutMillis) throws InterruptedException, TimeoutException {
      long deadline = System.currentTimeMillis() + timeoutMillis;
      while (reply == null) {
        long left = deadline - System.currentTimeMillis();
        if (left <= 0) throw new TimeoutException("no reply within " + timeoutMillis + " ms");
        wait(left);
      }
      return reply;
    }
  }

  static CorpusProgram replyTimeout(boolean buggy) {
    return new CorpusProgram(buggy ? "timed-wait-lost-reply" : "timed-wait-fixed",
        "JDK Object.wait(long) in a deadline loop (virtual time under Weft)",
        buggy ? Failure.Kind.EXCEPTION : null, () -> {
          int answered = 0;
          for (int call = 0; call < CALLS; call++) {
            ReplySlot slot = new ReplySlot();
            Integer request = call;
            Thread responder = new Thread(() -> slot.complete(request + 1), "responder-" + call);
            responder.start();
            Object reply = buggy ? slot.awaitUnguarded(TIMEOUT_MILLIS) : slot.await(TIMEOUT_MILLIS);
            if (reply.equals(call + 1)) answered++;
            responder.join();
          }
          return answered;
        }, answered -> !Integer.valueOf(CALLS).equals(answered));
  }
}

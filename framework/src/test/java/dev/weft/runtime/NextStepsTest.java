package dev.weft.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.internal.agent.AgentInstaller;
import dev.weft.internal.runtime.ControlledRuntime;
import dev.weft.internal.runtime.ExecutionRunner;
import dev.weft.scheduler.NextSteps;
import dev.weft.scheduler.SchedulingStrategy;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * What the runtime tells a strategy at every pick about each thread's next step. Objects are
 * numbered in the order the execution meets them: 0 is the shared library object, then T0's
 * thread, then each object as it comes. A strategy that runs the current thread while it can
 * makes the picks of these programs deterministic.
 */
class NextStepsTest {
  private static volatile boolean flag;

  @BeforeAll
  static void controlled() {
    AgentInstaller.ensureInstalled();
    ControlledRuntime.activate();
  }

  @Test
  void monitorsVolatilesThreadStartEndAndJoin() {
    List<String> picks = picks(false, () -> {
      Object lock = new Object();
      Thread t = new Thread(() -> {
        synchronized (lock) {
          flag = true;
        }
      });
      t.start();
      synchronized (lock) {
        boolean seen = flag;
      }
      t.join();
    });
    // T0's thread is 1, T1's thread 2, the lock 3, the field flag 4.
    assertThat(picks).containsExactly(
        "[0, 1] T0 LOCAL, T1 SYNC@2",          // after t.start(); T1 has yet to start
        "[0, 1] T0 SYNC@3, T1 SYNC@2",         // T0 enters synchronized (lock)
        "[0, 1] T0 READ@4, T1 SYNC@2",         // T0 reads flag
        "[1] T0 SYNC@2, T1 SYNC@2",            // T0 joins T1 and blocks
        "[1] T0 SYNC@2, T1 SYNC@3",            // T1 enters synchronized (lock)
        "[1] T0 SYNC@2, T1 WRITE@4",           // T1 writes flag
        "[1] T0 SYNC@2, T1 SYNC@2",            // T1's end, a step of its own on its thread
        "[0] T0 SYNC@2, T1 LOCAL");            // T1 ended, no next step: T0's join returns
  }

  @Test
  void theSameProgramGetsTheSameNumbersInEveryExecution() {
    Program body = () -> {
      Object[] locks = {new Object(), new Object(), new Object()};
      for (Object lock : locks) {
        synchronized (lock) {
          flag = !flag;
        }
      }
    };
    List<String> first = picks(false, body);
    // T0's thread is 1; the first lock 2, flag 3, the other locks 4 and 5.
    assertThat(first).containsExactly(
        "[0] T0 SYNC@2", "[0] T0 READ@3", "[0] T0 WRITE@3",
        "[0] T0 SYNC@4", "[0] T0 READ@3", "[0] T0 WRITE@3",
        "[0] T0 SYNC@5", "[0] T0 READ@3", "[0] T0 WRITE@3");
    assertThat(picks(false, body)).isEqualTo(first);
  }

  @Test
  void callsWhoseObjectTheRuntimeDoesNotSeeSynchronizeOnTheLibraryObject() {
    List<String> picks = picks(false, () -> {
      AtomicInteger counter = new AtomicInteger();
      counter.incrementAndGet();
      ConcurrentHashMap<String, Integer> map = new ConcurrentHashMap<>();
      map.put("a", 1);
      Map<String, Integer> plain = map;
      plain.put("b", 2);
    });
    assertThat(picks).containsExactly(
        "[0] T0 SYNC@0",    // incrementAndGet
        "[0] T0 SYNC@0",    // put on a ConcurrentHashMap variable: a java.util.concurrent call
        "[0] T0 SYNC@0");   // put through a plain Map: the map's own scheduling point
  }

  @Test
  void yieldsAndSpinsAreLocalAndASleepReadsTheVirtualClock() {
    List<String> picks = picks(false, () -> {
      Thread.yield();
      Thread.sleep(5);
      Thread.onSpinWait();
    });
    // T0's thread is 1, its interrupt status 2, the virtual clock 3. A sleep first checks (and
    // clears) the status, a step of its own so that its order with an interrupt is explored;
    // then it reads the clock: sleeps commute with each other, not with deadlines.
    assertThat(picks).containsExactly(
        "[0] T0 LOCAL",       // yield
        "[0] T0 WRITE@2",     // sleep: Thread.interrupted() on T0's status
        "[0] T0 READ@3",      // sleep: the clock
        "[0] T0 LOCAL");      // onSpinWait
  }

  @Test
  void collectionOperationsReadOrWriteTheirCollection() {
    List<String> picks = picks(true, () -> {
      Map<Integer, Integer> map = new HashMap<>();
      map.put(1, 1);
      map.get(1);
      List<Integer> list = new ArrayList<>();
      list.add(1);
      list.set(0, 2);
      for (int element : list) {
        flag = element > 0;
      }
    });
    // T0's thread is 1, the map 2, the list 3, the field flag 4.
    // Each operation is a point before it (its check touches the collection) and one inside it.
    assertThat(picks).containsExactly(
        "[0] T0 WRITE@2", "[0] T0 WRITE@2",    // put: a structural write
        "[0] T0 READ@2", "[0] T0 READ@2",      // get
        "[0] T0 WRITE@3", "[0] T0 WRITE@3",    // add
        "[0] T0 WRITE@3", "[0] T0 WRITE@3",    // set: an in-place write
        "[0] T0 READ@3", "[0] T0 READ@3",      // iterator()
        "[0] T0 READ@3", "[0] T0 READ@3",      // the iterator's next(), a step of the iteration
        "[0] T0 WRITE@4");                     // flag = ...
  }

  @Test
  void waitAndJoinBlockOnTheirObjectsAndParkOnTheLibrary() {
    List<String> picks = picks(false, () -> {
      Object lock = new Object();
      Thread parker = new Thread(() -> LockSupport.park());
      parker.start();
      synchronized (lock) {
        parker.join(1);
        LockSupport.unpark(parker);
        lock.wait(1);
      }
      parker.join();
    });
    // T0's thread is 1, the parker's 2, the lock 3, the virtual clock 4, T0's interrupt status 5.
    // A park resumes inside java.util.concurrent, so it synchronizes on the library object.
    // A timed wait's deadline reads the clock: a write of it, so that sleeps are ordered with it.
    // A wait checks (and clears) the interrupt status first; a join need not (Execution.block).
    assertThat(picks).containsExactly(
        "[0, 1] T0 LOCAL, T1 SYNC@2",    // after parker.start()
        "[0, 1] T0 SYNC@3, T1 SYNC@2",   // synchronized (lock)
        "[0, 1] T0 WRITE@4, T1 SYNC@2",  // join(1) takes its deadline
        "[1] T0 SYNC@2, T1 SYNC@2",      // T0 joins the parker for 1 ms and blocks
        "[1] T0 SYNC@2, T1 SYNC@0",      // the parker calls LockSupport.park, a library call
        "[0] T0 SYNC@2, T1 SYNC@0",      // it parked, nobody could run: T0's join timed out
        "[0] T0 SYNC@0, T1 SYNC@0",      // T0 calls LockSupport.unpark
        "[0, 1] T0 WRITE@5, T1 SYNC@0",  // wait(1) checks T0's status; the parker has its permit
        "[0, 1] T0 WRITE@4, T1 SYNC@0",  // wait(1) takes its deadline
        "[1] T0 SYNC@3, T1 SYNC@0",      // T0 waits on the lock
        "[1] T0 SYNC@3, T1 SYNC@2",      // the parker resumed; its end is a step of its own
        "[0] T0 SYNC@3, T1 LOCAL",       // the parker ended; T0's wait timed out: the monitor
        "[0] T0 SYNC@2, T1 LOCAL");      // T0 joins the finished parker
  }

  /** The body of an execution. */
  private interface Program {
    void run() throws Exception;
  }

  /** Runs {@code body} once; one line per pick: the enabled threads, then every thread's step. */
  private static List<String> picks(boolean raceDetection, Program body) {
    StepRecorder recorder = new StepRecorder();
    recorder.startExecution(0);
    ExecutionRunner.Outcome outcome = ExecutionRunner.run(body::run, recorder, 1000,
        Duration.ofSeconds(10), raceDetection);
    assertThat(outcome.failure()).as("%s", outcome.failure()).isNull();
    return recorder.picks;
  }

  /** Runs the current thread while it can, else the first enabled one; records each pick. */
  private static final class StepRecorder implements SchedulingStrategy {
    final List<String> picks = new ArrayList<>();
    private NextSteps steps = NextSteps.UNKNOWN;
    private int threads;

    @Override
    public void startExecution(int executionIndex) {
      threads = 0;
    }

    @Override
    public void useNextSteps(NextSteps nextSteps) {
      steps = nextSteps;
    }

    @Override
    public void onThreadCreated(int threadId) {
      threads = threadId + 1;
    }

    @Override
    public int pickThread(int[] enabled, int count, int current) {
      StringBuilder pick = new StringBuilder("[");
      for (int i = 0; i < count; i++) pick.append(i > 0 ? ", " : "").append(enabled[i]);
      pick.append("]");
      for (int t = 0; t < threads; t++) {
        pick.append(t == 0 ? " " : ", ").append('T').append(t).append(' ')
            .append(steps.kindOf(t));
        if (steps.objectOf(t) != NextSteps.NO_OBJECT) pick.append('@').append(steps.objectOf(t));
      }
      picks.add(pick.toString());
      return current >= 0 ? current : enabled[0];
    }

    @Override
    public int pickInt(int bound) {
      return 0;
    }

    @Override
    public void onSpin(int threadId) {}

    @Override
    public void finishExecution(int steps) {}
  }
}

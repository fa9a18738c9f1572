package dev.weft.scheduler;

import static dev.weft.scheduler.Sim.blockUntil;
import static dev.weft.scheduler.Sim.local;
import static dev.weft.scheduler.Sim.run;
import static dev.weft.scheduler.Sim.spinUntil;

import java.util.ArrayList;
import java.util.List;

/** Simulated programs with known bugs, shared by the strategy and shrinker tests. */
final class Programs {
  private Programs() {}

  /** Threads that never interact: each runs {@code steps} local steps. */
  static Sim.Program independent(int threads, int steps) {
    Sim.Builder b = Sim.program(1);
    for (int t = 0; t < threads; t++) {
      List<Sim.Step> body = new ArrayList<>();
      addLocal(body, steps);
      b.thread(body);
    }
    return b.build();
  }

  /**
   * {@code threads} threads each do {@code x = x + 1} as a separate read and write, with
   * {@code pad} local steps before, between and after. Fails when an update was lost. Needs one
   * preemption: a thread is interrupted between its read and its write by another one's read.
   */
  static Sim.Program lostUpdate(int threads, int pad) {
    Sim.Builder b = Sim.program(1);
    for (int t = 0; t < threads; t++) {
      List<Sim.Step> steps = new ArrayList<>();
      addLocal(steps, pad);
      steps.add(run((s, me) -> s.regs[me][0] = s.vars[0]));
      addLocal(steps, pad);
      steps.add(run((s, me) -> s.vars[0] = s.regs[me][0] + 1));
      addLocal(steps, pad);
      b.thread(steps);
    }
    return b.failsAtEnd(s -> s.vars[0] != threads).build();
  }

  /**
   * Writer T0 sets {@code x = 1} then {@code x = 2}; reader T1 reads {@code x} twice and fails if
   * it saw 1 then 2. The reads must fall between the writes and after the second one, which takes
   * two preemptions (writer interrupted after its first write, reader after its first read).
   */
  static Sim.Program betweenWrites(int pad) {
    List<Sim.Step> writer = new ArrayList<>();
    addLocal(writer, pad);
    writer.add(run((s, me) -> s.vars[0] = 1));
    addLocal(writer, pad);
    writer.add(run((s, me) -> s.vars[0] = 2));
    addLocal(writer, pad);
    List<Sim.Step> reader = new ArrayList<>();
    addLocal(reader, pad);
    reader.add(run((s, me) -> s.regs[me][0] = s.vars[0]));
    addLocal(reader, pad);
    reader.add(run((s, me) -> {
      if (s.regs[me][0] == 1 && s.vars[0] == 2) s.fail("saw 1 then 2");
    }));
    addLocal(reader, pad);
    return Sim.program(1).thread(writer).thread(reader).build();
  }

  /**
   * T0 busy-waits for a flag that T1 sets after {@code work} steps. A strategy that keeps running
   * the spinner never lets T1 set it.
   */
  static Sim.Program spinWait(int work) {
    List<Sim.Step> setter = new ArrayList<>();
    addLocal(setter, work);
    setter.add(run((s, me) -> s.vars[0] = 1));
    return Sim.program(1)
        .thread(spinUntil(s -> s.vars[0] == 1), local())
        .thread(setter)
        .build();
  }

  /**
   * Each thread increments a counter {@code rounds} times under a lock (var 0 is the owner + 1,
   * var 1 the counter): threads block on the lock, so some decisions are free switches.
   */
  static Sim.Program lockedCounter(int threads, int rounds) {
    Sim.Builder b = Sim.program(2);
    for (int t = 0; t < threads; t++) {
      List<Sim.Step> steps = new ArrayList<>();
      for (int r = 0; r < rounds; r++) {
        steps.add(blockUntil(s -> s.vars[0] == 0, (s, me) -> s.vars[0] = me + 1));
        steps.add(run((s, me) -> s.regs[me][0] = s.vars[1]));
        steps.add(run((s, me) -> s.vars[1] = s.regs[me][0] + 1));
        steps.add(run((s, me) -> s.vars[0] = 0));
      }
      b.thread(steps);
    }
    return b.failsAtEnd(s -> s.vars[1] != threads * rounds).build();
  }

  /**
   * Each thread makes {@code rounds} three-way choices (like which waiter a notify wakes) and
   * folds them into var 0, so the final value tells both the choices and their order.
   */
  static Sim.Program choosing(int threads, int rounds) {
    Sim.Builder b = Sim.program(1);
    for (int t = 0; t < threads; t++) {
      List<Sim.Step> steps = new ArrayList<>();
      for (int r = 0; r < rounds; r++) {
        steps.add(local());
        steps.add(Sim.choose(3, (s, me, c) -> s.vars[0] = s.vars[0] * 7 + me * 3 + c));
      }
      b.thread(steps);
    }
    return b.build();
  }

  static void addLocal(List<Sim.Step> steps, int count) {
    for (int i = 0; i < count; i++) steps.add(local());
  }
}

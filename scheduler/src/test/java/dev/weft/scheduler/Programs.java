package dev.weft.scheduler;

import static dev.weft.scheduler.Sim.acquire;
import static dev.weft.scheduler.Sim.local;
import static dev.weft.scheduler.Sim.read;
import static dev.weft.scheduler.Sim.release;
import static dev.weft.scheduler.Sim.spinUntil;
import static dev.weft.scheduler.Sim.write;

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
      steps.add(read(0, (s, me) -> s.regs[me][0] = s.get(0)));
      addLocal(steps, pad);
      steps.add(write(0, (s, me) -> s.set(0, s.regs[me][0] + 1)));
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
    writer.add(write(0, (s, me) -> s.set(0, 1)));
    addLocal(writer, pad);
    writer.add(write(0, (s, me) -> s.set(0, 2)));
    addLocal(writer, pad);
    List<Sim.Step> reader = new ArrayList<>();
    addLocal(reader, pad);
    reader.add(read(0, (s, me) -> s.regs[me][0] = s.get(0)));
    addLocal(reader, pad);
    reader.add(read(0, (s, me) -> {
      if (s.regs[me][0] == 1 && s.get(0) == 2) s.fail("saw 1 then 2");
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
    setter.add(write(0, (s, me) -> s.set(0, 1)));
    return Sim.program(1)
        .thread(spinUntil(0, s -> s.get(0) == 1), local())
        .thread(setter)
        .build();
  }

  /**
   * T0 reads a flag three times in a row (a bounded loop, which looks like a spin) and then takes
   * a lock; T1 does ten local steps and takes the same lock. Fails when T0 takes it first (var 1
   * is who wrote first under the lock; var 2 counts T0's reads).
   */
  static Sim.Program falseSpinnerBeforeALock() {
    List<Sim.Step> t0 = new ArrayList<>();
    t0.add(spinUntil(2, s -> ++s.vars[2] > 3));
    t0.add(acquire(0));
    t0.add(write(1, (s, me) -> s.set(1, s.get(1) == 0 ? 1 : s.get(1))));
    t0.add(release(0));
    List<Sim.Step> t1 = new ArrayList<>();
    addLocal(t1, 10);
    t1.add(acquire(0));
    t1.add(write(1, (s, me) -> s.set(1, s.get(1) == 0 ? 2 : s.get(1))));
    t1.add(release(0));
    return Sim.program(3).thread(t0).thread(t1).failsAtEnd(s -> s.vars[1] == 1).build();
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
        steps.add(acquire(0));
        steps.add(read(1, (s, me) -> s.regs[me][0] = s.get(1)));
        steps.add(write(1, (s, me) -> s.set(1, s.regs[me][0] + 1)));
        steps.add(release(0));
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
        steps.add(Sim.choose(0, 3, (s, me, c) -> s.set(0, s.get(0) * 7 + me * 3 + c)));
      }
      b.thread(steps);
    }
    return b.build();
  }

  /**
   * Writer T1 writes x = 1, 2, ..., {@code writes}; reader T0 reads x {@code writes + 1} times and
   * fails if it saw 0, 1, ..., {@code writes}: every read must fall between two writes. The
   * fewest preemptions that do it: {@code 2 writes - 1} (the reader starts for free; every switch
   * after that interrupts a thread that could go on, except the one after the writer's last step).
   */
  static Sim.Program observesEveryWrite(int writes) {
    List<Sim.Step> reader = new ArrayList<>();
    for (int k = 0; k <= writes; k++) {
      int expected = k;
      reader.add(read(0, (s, me) -> {
        if (s.get(0) == expected) s.regs[me][0]++;
        if (s.regs[me][0] == writes + 1) s.fail("saw every write");
      }));
    }
    List<Sim.Step> writer = new ArrayList<>();
    for (int k = 1; k <= writes; k++) {
      int value = k;
      writer.add(write(0, (s, me) -> s.set(0, value)));
    }
    return Sim.program(1).thread(reader).thread(writer).build();
  }

  /** T0 takes lock A then B, T1 takes B then A: one preemption deadlocks them. */
  static Sim.Program lockOrderDeadlock() {
    return Sim.program(2)
        .thread(acquire(0), acquire(1), release(1), release(0))
        .thread(acquire(1), acquire(0), release(0), release(1))
        .build();
  }

  /**
   * T0 writes x = 2, waits for T1 (which writes x = 1) to end and reads x. Correct; the read
   * always comes after both writes, and there are two schedules: which write comes first.
   */
  static Sim.Program writeThenJoin() {
    return Sim.program(1)
        .thread(write(0, (s, me) -> s.set(0, 2)), Sim.join(1),
            read(0, (s, me) -> s.regs[me][0] = s.get(0)))
        .thread(local(), write(0, (s, me) -> s.set(0, 1)), local())
        .build();
  }

  /** T0 writes x = 1 and T1 writes x = 2, each after some local steps: two schedules. */
  static Sim.Program twoWriters(int pad) {
    List<Sim.Step> first = new ArrayList<>();
    addLocal(first, pad);
    first.add(write(0, (s, me) -> s.set(0, 1)));
    List<Sim.Step> second = new ArrayList<>();
    addLocal(second, pad);
    second.add(write(0, (s, me) -> s.set(0, 2)));
    return Sim.program(1).thread(first).thread(second).build();
  }

  /**
   * A 12-step ordering bug: checker T0 reads a and b, then a and b again; setter T1 writes
   * a = 1, setter T2 writes b = -1, each between local steps. It fails if the checker first saw
   * neither write, then a's and not b's. No priority order shows it: PCT needs two change points,
   * one after the checker's first two reads and one in T2 before its write (depth 3).
   */
  static Sim.Program checkerAndTwoSetters() {
    return Sim.program(2)
        .thread(local(),
            read(0, (s, me) -> s.regs[me][0] = s.get(0)),
            read(1, (s, me) -> s.regs[me][1] = s.get(1)),
            read(0, (s, me) -> s.regs[me][2] = s.get(0)),
            read(1, (s, me) -> {
              int[] r = s.regs[me];
              if (r[0] == 0 && r[1] == 0 && r[2] == 1 && s.get(1) == 0) {
                s.fail("saw a = 1 but b = 0 after seeing neither");
              }
            }),
            local())
        .thread(local(), write(0, (s, me) -> s.set(0, 1)), local())
        .thread(local(), write(1, (s, me) -> s.set(1, -1)), local())
        .build();
  }

  /**
   * A checker and {@code setters} setters: each setter does {@code work} local steps, then an
   * atomic increment of a counter; the checker, after one local step, reads the counter and fails
   * if every setter had already incremented it. A random walk runs the checker almost at once, so
   * it needs all {@code setters * (work + 1)} setter steps to come first: exponentially unlikely.
   */
  static Sim.Program manySetters(int setters, int work) {
    Sim.Builder b = Sim.program(1);
    b.thread(local(), read(0, (s, me) -> {
      if (s.get(0) == setters) s.fail("every setter was done before the check");
    }));
    for (int t = 0; t < setters; t++) {
      List<Sim.Step> steps = new ArrayList<>();
      addLocal(steps, work);
      steps.add(Sim.update(0, (s, me) -> s.set(0, s.get(0) + 1)));
      b.thread(steps);
    }
    return b.build();
  }

  static void addLocal(List<Sim.Step> steps, int count) {
    for (int i = 0; i < count; i++) steps.add(local());
  }
}

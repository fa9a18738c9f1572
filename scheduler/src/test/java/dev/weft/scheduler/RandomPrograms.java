package dev.weft.scheduler;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Small random programs over three variables and two locks: reads, writes, atomic updates, local
 * steps, critical sections, joins and choices, every step declared. For checking the systematic
 * search against {@link BruteForce}.
 */
final class RandomPrograms {
  private static final int DATA = 3;
  private static final int LOCKS = 2;

  private RandomPrograms() {}

  static Sim.Program generate(long seed) {
    return generate(seed, new StringBuilder());
  }

  /** The program, and in {@code text} what each thread does. */
  static Sim.Program generate(long seed, StringBuilder text) {
    SplittableRandom random = new SplittableRandom(seed);
    int threads = 2 + random.nextInt(random.nextInt(4) == 0 ? 3 : 2);
    int budget = threads == 2 ? 9 : threads == 3 ? 8 : 7;
    Sim.Builder builder = Sim.program(DATA + LOCKS);
    for (int t = 0; t < threads; t++) {
      int length = 1 + random.nextInt(Math.max(1, budget / threads + 1));
      text.append('T').append(t).append(':');
      builder.thread(thread(random, t, threads, length, text));
      text.append('\n');
    }
    return builder.build();
  }

  private static List<Sim.Step> thread(SplittableRandom random, int me, int threads,
      int length, StringBuilder text) {
    List<Sim.Step> steps = new ArrayList<>();
    int held = -1;
    while (steps.size() < length) {
      int x = random.nextInt(DATA);
      int reg = random.nextInt(2);
      int k = 1 + random.nextInt(5);
      switch (random.nextInt(9)) {
        case 0 -> add(steps, text, Sim.local(), " local");
        case 1, 2 -> add(steps, text, Sim.read(x, (s, t) -> s.regs[t][reg] = s.regs[t][reg] * 7
            + s.get(x)), " r" + reg + "=x" + x);
        case 3, 4 -> add(steps, text, Sim.write(x, (s, t) -> s.set(x, s.regs[t][reg] * 3 + k)),
            " x" + x + "=r" + reg);
        case 5 -> add(steps, text, Sim.update(x, (s, t) -> s.set(x, s.get(x) * 2 + k)),
            " x" + x + "++");
        case 6 -> {
          if (held < 0) {
            held = DATA + random.nextInt(LOCKS);
            add(steps, text, Sim.acquire(held), " lock" + held);
          } else {
            add(steps, text, Sim.release(held), " unlock" + held);
            held = -1;
          }
        }
        case 7 -> add(steps, text, Sim.choose(x, 2, (s, t, c) -> s.set(x, s.get(x) * 5 + c + k)),
            " x" + x + "=choose");
        default -> {
          int other = random.nextInt(threads);
          if (other != me) add(steps, text, Sim.join(other), " join" + other);
        }
      }
    }
    if (held >= 0) add(steps, text, Sim.release(held), " unlock" + held);
    return steps;
  }

  private static void add(List<Sim.Step> steps, StringBuilder text, Sim.Step step, String what) {
    steps.add(step);
    text.append(what);
  }
}

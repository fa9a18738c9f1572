package dev.weft.internal.report;

import dev.weft.Strategy;
import dev.weft.scheduler.Divergence;
import dev.weft.scheduler.SearchProgress;
import java.util.Locale;
import java.util.Optional;

/**
 * The words of a report about what an exploration covered ({@link Coverage}): the line of a
 * passing exploration, the "Found in execution" line of a failure, and what a systematic search
 * knows about the failing schedule's preemptions. Only a search that ran to its end says "all".
 */
public final class CoverageText {
  private CoverageText() {}

  /** The sampler {@link Strategy#AUTO} alternates with once its search's head is spent. */
  public static final Strategy AUTO_SAMPLER = Strategy.POS;

  private static final String COUNTED_ONCE =
      "schedules that differ only in the order of independent steps count as one";

  /**
   * What the systematic search covered, in one phrase: {@code explored all 37 schedules with at
   * most 2 preemptions}, {@code explored 1,000 of about 52,000 schedules within 2 preemptions};
   * empty when no systematic search ran.
   */
  public static Optional<String> searchPhrase(Coverage c) {
    return c.search().map(CoverageText::phrase);
  }

  private static String phrase(SearchProgress p) {
    if (p.ended() && p.exhausted()) {
      return p.complete()
          ? "explored all " + schedules(p.schedules()) + ", with any number of preemptions"
          : "explored all " + schedules(p.schedules()) + " with " + atMost(p.bound());
    }
    if (p.ended()) {
      return "explored " + schedules(p.schedules()) + " with " + atMost(p.bound()) + ", but "
          + divergences(p) + ", so some may be missing";
    }
    StringBuilder sb = new StringBuilder("explored ").append(number(p.schedules())).append(" of ")
        .append(p.estimatedSchedules() == Long.MAX_VALUE ? "an unknown number of schedules"
            : "about " + schedules(about(p.estimatedSchedules(), p.schedules())))
        .append(" within ").append(preemptions(p.bound()));
    if (p.completedBound() >= 0) {
      sb.append(" (every one of the ").append(number(p.completedSchedules())).append(" with ")
          .append(atMost(p.completedBound())).append(')');
    }
    if (p.maxBound() != p.bound()) {
      sb.append("; ").append(p.maxBound() < 0 ? "the search has no bound and goes on with more"
              : "the search within " + preemptions(p.maxBound()) + " was not reached");
    }
    if (p.divergences() > 0) sb.append("; ").append(divergences(p));
    return sb.toString();
  }

  /** The report of an exploration that found no failure. */
  static String passed(Coverage c) {
    Optional<SearchProgress> search = c.search();
    if (search.isEmpty()) {
      return "No failure in " + c.executions() + " executions (" + how(c) + ").";
    }
    SearchProgress p = search.get();
    String phrase = phrase(p);
    if (p.ended() && p.exhausted()) {
      StringBuilder sb = new StringBuilder(capitalized(phrase)).append(" (").append(COUNTED_ONCE)
          .append("): no failure.\n");
      if (c.strategy() == Strategy.AUTO) {
        sb.append("AUTO: the systematic search took ").append(executions(p.executions()));
        if (c.sampledExecutions() > 0) {
          sb.append(", then ").append(AUTO_SAMPLER).append(" (seed ").append(c.seed().orElse(0)).append(") ran ")
              .append(executions(c.sampledExecutions()))
              .append(" for schedules with more preemptions");
        }
      } else {
        sb.append("SYSTEMATIC, ").append(executions(p.executions()));
      }
      return sb.append(shardNote(c)).append('.').toString();
    }
    StringBuilder sb = new StringBuilder("No failure in ").append(number(c.executions()))
        .append(" executions (").append(how(c)).append("): ");
    if (c.strategy() == Strategy.AUTO) {
      sb.append("the systematic search ").append(phrase);
      if (c.sampledExecutions() > 0) {
        sb.append(", and ").append(AUTO_SAMPLER).append(" ran ").append(executions(c.sampledExecutions()));
      }
    } else {
      sb.append(phrase);
    }
    if (!p.ended()) {
      sb.append(c.executions() >= c.iterations() ? "; the iterations ran out first"
          : "; the time limit ran out first");
    }
    return sb.append('.').toString();
  }

  /**
   * The second line of a failure's report, up to the shrinking: {@code Found in execution 12
   * (seed 42, PCT).}, or for a systematic search which pass found it.
   */
  static String foundIn(Coverage c) {
    StringBuilder sb = new StringBuilder("Found in execution ").append(c.executions())
        .append(" (").append(how(c));
    if (c.search().isPresent()) {
      SearchProgress p = c.search().get();
      String pass = "the search within " + preemptions(p.bound());
      if (c.strategy() == Strategy.AUTO) {
        sb.append(": ").append(c.lastBySearch() ? "systematic, " + pass : "a " + AUTO_SAMPLER + " execution");
      } else {
        sb.append(", ").append(pass);
      }
    }
    return sb.append(").").toString();
  }

  /**
   * What the systematic search knows about a failing schedule shown with {@code preemptions}:
   * that none with fewer fails, when every schedule with fewer was explored; empty when it knows
   * nothing (no search, or a replay diverged).
   */
  static String fewest(Coverage c, int preemptions) {
    if (c.search().isEmpty() || c.search().get().divergences() > 0) return "";
    int lowest = c.search().get().fewestPreemptionsToFail();
    String part = c.shard().isAll() ? "" : " in shard " + c.shard() + "'s part";
    if (preemptions == lowest) {
      return lowest == 0 ? "It has no preemption, the fewest possible."
          : "It has the fewest preemptions possible: the search explored every schedule with "
              + atMost(lowest - 1) + part + " and none failed.";
    }
    return lowest == 0 ? "" : "The search explored every schedule with " + atMost(lowest - 1)
        + part + " and none failed.";
  }

  /** {@code seed 42, PCT}, {@code SYSTEMATIC}, with the shard when there is one. */
  private static String how(Coverage c) {
    String how = c.seed().isPresent() && c.strategy() != Strategy.SYSTEMATIC
        ? "seed " + c.seed().getAsLong() + ", " + c.strategy() : c.strategy().name();
    return c.shard().isAll() ? how : how + ", shard " + c.shard();
  }

  private static String shardNote(Coverage c) {
    return c.shard().isAll() ? "" : "; shard " + c.shard() + ": its part of the space only";
  }

  private static String divergences(SearchProgress p) {
    return (p.divergences() == 1 ? "1 replayed schedule took another path"
        : number(p.divergences()) + " replayed schedules took another path")
        + " (the program did not do the same under the same schedule"
        + p.firstDivergence().map(CoverageText::firstDivergence).orElse("") + ")";
  }

  /** Where the first one left its path, in the scheduler's terms: for whoever hunts the cause. */
  private static String firstDivergence(Divergence d) {
    return switch (d.kind()) {
      case ENDED_EARLY -> "; the first ended after " + d.replayed() + ", before the "
          + d.recorded() + " replayed";
      default -> "; the first at decision " + d.decision() + ": recorded " + d.recorded()
          + ", met " + d.replayed();
    };
  }

  private static String atMost(int bound) {
    return bound == 0 ? "no preemption" : "at most " + preemptions(bound);
  }

  private static String preemptions(int n) {
    return n == 1 ? "1 preemption" : number(n) + " preemptions";
  }

  private static String schedules(long n) {
    return n == 1 ? "1 schedule" : number(n) + " schedules";
  }

  private static String executions(long n) {
    return n == 1 ? "1 execution" : number(n) + " executions";
  }

  /** {@code estimate} rounded up to two significant digits, and never below {@code seen}. */
  static long about(long estimate, long seen) {
    long e = Math.max(estimate, seen);
    long unit = 1;
    while (e / unit >= 100) unit *= 10;
    long rounded = (e + unit - 1) / unit * unit;
    return rounded < 0 ? e : rounded;
  }

  static String number(long n) {
    return String.format(Locale.ROOT, "%,d", n);
  }

  private static String capitalized(String s) {
    return Character.toUpperCase(s.charAt(0)) + s.substring(1);
  }
}

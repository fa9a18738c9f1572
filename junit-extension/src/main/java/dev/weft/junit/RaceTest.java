package dev.weft.junit;

import dev.weft.Failure;
import dev.weft.Strategy;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Marks a test method whose body Weft explores: the body runs many times, each time under a
 * different controlled interleaving of the threads it starts, until one execution fails or the
 * budget is spent. The method shows as one test in Maven Surefire and the IDE.
 *
 * <pre>{@code
 * @RaceTest(iterations = 500)
 * void counterLosesNoUpdate() throws InterruptedException {
 *   Counter counter = new Counter();
 *   Thread t = new Thread(counter::increment);
 *   t.start();
 *   counter.increment();
 *   t.join();
 *   assertEquals(2, counter.get());
 * }
 * }</pre>
 *
 * <h2>What runs how often</h2>
 * The body is the whole program: it must create the objects it shares and the threads it starts
 * itself, in every execution. The test instance, field initializers, {@code @BeforeAll},
 * {@code @BeforeEach}, {@code @AfterEach} and {@code @AfterAll} run once around all executions,
 * not once per execution; parameters JUnit resolves (such as {@code TestInfo}) are resolved once
 * and passed to every execution. {@code @RaceTest} cannot be combined with
 * {@code @ParameterizedTest}, {@code @RepeatedTest} or {@code @TestFactory}.
 *
 * <h2>When it fails</h2>
 * The test fails with an {@link AssertionError} whose message is Weft's whole report (Surefire's
 * XML keeps only the message), the report file, a Maven command that replays the execution, and
 * as its last lines {@code Reproduce with: -Dweft.replay=<token>} and
 * {@code or: @RaceTest(replay = "<token>")}. The exception the body threw, if any, is its cause.
 *
 * <p>Each failure is written to {@code target/weft-reports/<class>/<method>.txt} and
 * {@code .json} (kind, summary, token, seed, executions, accesses, report). The JSON file is the
 * failure database: the next run of the test replays that token first, in one execution, and
 * reports it if it still fails; otherwise it explores as usual, and deletes the record once the
 * test passes.
 *
 * <h2>Configuration</h2>
 * Every attribute can be overridden without editing code through JUnit configuration
 * parameters ({@code -Dweft.iterations=...} on the Maven command line, which Surefire passes on,
 * {@code junit-platform.properties}, or Surefire's {@code configurationParameters}):
 * {@code weft.iterations}, {@code weft.seed} (a number or {@code random}), {@code weft.strategy},
 * {@code weft.replay}, {@code weft.maxSteps}, {@code weft.timeLimitSeconds},
 * {@code weft.stallTimeoutSeconds}, {@code weft.preemptionBound} (a number, or {@code -1} for no
 * bound), {@code weft.resetStatics} ({@code true} or {@code false}) and {@code weft.shard} ({@code i/n}: explore part i of n disjoint parts, one per Surefire
 * fork or CI machine); and {@code weft.reportsDir} moves the report files. A bad value
 * fails the test with a message naming the parameter, the value and the valid choices; an unknown
 * {@code weft.*} name (a system property or in {@code junit-platform.properties}) gets a warning
 * that names the closest known one.
 *
 * <h2>What it says when it passes</h2>
 * Every run publishes one line as a JUnit report entry (key {@code weft}) and prints it, e.g.
 * {@code weft: 1000 executions in 2.1 s, POS seed 42, no failure}.
 *
 * <h2>Set-up</h2>
 * Weft's agent must be loaded when the test JVM starts; with Maven, the Weft plugin's
 * {@code prepare-agent} goal adds it to Surefire's and Failsafe's {@code argLine}:
 *
 * <pre>{@code
 * <plugin>
 *   <groupId>dev.weft</groupId>
 *   <artifactId>weft-maven-plugin</artifactId>
 *   <version>...</version>
 *   <executions><execution><goals><goal>prepare-agent</goal></goals></execution></executions>
 * </plugin>
 * }</pre>
 *
 * A test that Weft cannot control fails with that advice; it is never skipped. Race tests may run
 * in parallel (JUnit's parallel execution): their explorations take turns, one at a time per JVM.
 *
 * @see RaceTestExtension
 */
@Target({ElementType.METHOD, ElementType.ANNOTATION_TYPE})
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Test
@ExtendWith(RaceTestExtension.class)
public @interface RaceTest {
  /** Value of {@link #seed()} that means "a fresh random seed, reported on failure". */
  long RANDOM_SEED = Long.MIN_VALUE;

  /** Value of {@link #preemptionBound()} that means "Weft's default" (2). */
  int DEFAULT_PREEMPTION_BOUND = Integer.MIN_VALUE;

  /** Executions to explore; non-positive means Weft's default (1000). */
  int iterations() default 0;

  /** How interleavings are chosen; partial-order sampling unless said otherwise. */
  Strategy strategy() default Strategy.POS;

  /**
   * Seed of the exploration; the same seed explores the same executions. By default each run draws
   * a random seed, which a failure reports.
   */
  long seed() default RANDOM_SEED;

  /**
   * The most preemptions a schedule of the systematic search ({@link Strategy#SYSTEMATIC},
   * {@link Strategy#AUTO}) may have: 0 or more, or -1 for no bound; the samplers ignore it. By
   * default 2 ({@code dev.weft.Options#preemptionBound}).
   */
  int preemptionBound() default DEFAULT_PREEMPTION_BOUND;

  /**
   * A replay token from a report: runs exactly that execution once instead of exploring (the
   * failure database is not consulted). The test then passes if the execution no longer fails.
   */
  String replay() default "";

  /** Scheduling points per execution before it counts as a livelock; non-positive: default. */
  int maxSteps() default 0;

  /** Wall-clock budget of the exploration in seconds; non-positive: default (120). */
  long timeLimitSeconds() default 0;

  /**
   * How long, in seconds, a thread may run without reaching a scheduling point before the
   * watchdog reports {@code LOST_CONTROL}; raise it for code that computes that long between two
   * synchronization points. Non-positive: default (10).
   */
  long stallTimeoutSeconds() default 0;

  /**
   * Whether every execution starts from the static state of the application's classes as it was
   * before the first one: the non-final static fields of instrumented classes (yours and your
   * libraries', the test class too; not the JDK's, Weft's or the test frameworks') are set back
   * before each execution, shallowly (an object a field points to keeps its contents). {@code
   * false} keeps what one execution leaves for the next. Overridden by {@code weft.resetStatics}.
   */
  boolean resetStatics() default true;

  /**
   * Failure kinds this test expects: with a kind given, the test passes only if an execution fails
   * with one of them, turning a known bug into a regression test. It fails with
   * {@code expected DEADLOCK, found none in N executions (seed S)} when none is found, and with the
   * report when an execution fails in another way.
   */
  Failure.Kind[] expect() default {};
}

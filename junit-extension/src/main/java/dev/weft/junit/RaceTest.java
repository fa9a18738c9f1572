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
 * <p>The body is the whole program: it must create the objects and threads it tests itself.
 * {@code @BeforeEach}/{@code @AfterEach} and field initializers run once around all executions,
 * not once per execution.
 *
 * <p>Every attribute can be overridden without editing code through JUnit configuration
 * parameters ({@code -Dweft.iterations=...}, {@code junit-platform.properties}, or Surefire's
 * {@code configurationParameters}): {@code weft.iterations}, {@code weft.seed},
 * {@code weft.strategy}, {@code weft.replay}, {@code weft.timeLimitSeconds}.
 */
@Target({ElementType.METHOD, ElementType.ANNOTATION_TYPE})
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Test
@ExtendWith(RaceTestExtension.class)
public @interface RaceTest {
  /** Value of {@link #seed()} that means "a fresh random seed, reported on failure". */
  long RANDOM_SEED = Long.MIN_VALUE;

  /** Executions to explore; non-positive means Weft's default (1000). */
  int iterations() default 0;

  /** How interleavings are chosen. */
  Strategy strategy() default Strategy.PCT;

  /** Seed of the exploration; the same seed explores the same executions. */
  long seed() default RANDOM_SEED;

  /**
   * A replay token from a report: runs exactly that execution once instead of exploring.
   */
  String replay() default "";

  /** Scheduling points per execution before it counts as a livelock; non-positive: default. */
  int maxSteps() default 0;

  /** Wall-clock budget of the exploration in seconds; non-positive: default (120). */
  long timeLimitSeconds() default 0;

  /**
   * Failure kinds this test expects: with a kind given, the test passes only if an execution fails
   * with one of them, turning a known bug into a regression test.
   */
  Failure.Kind[] expect() default {};
}

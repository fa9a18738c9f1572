package dev.weft;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a field whose data races are intended (a racy single-check cache of a hash code, a
 * statistic that may be off by a few): Weft does not report them. Its accesses still are
 * scheduling points once a race is seen there, so an assertion the race breaks is still found.
 *
 * <p>Weft recognizes any annotation with the simple name {@code BenignRace}, of class or runtime
 * retention: production code that cannot depend on Weft declares its own
 * {@code @interface BenignRace {}} in any package. Races can also be silenced without touching
 * the code, by pattern ({@code -Dweft.benignRaces=com.acme.Cache.hash}, {@link
 * Options#benignRaces}).
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.FIELD)
public @interface BenignRace {
  /** Why the race is harmless, for the reader of the code. */
  String value() default "";
}

package dev.weft.internal.runtime;

import dev.weft.Options;
import dev.weft.internal.agent.NamePatterns;

/**
 * Which race detectors run in an execution, and the rules of the field race detector.
 *
 * @param collections whether the JDK's collections are checked
 * @param fields the field race detector's rules, or null when fields are not checked
 */
public record Detection(boolean collections, FieldRaceRules fields) {

  /** Both detectors with their default rules, or neither. */
  public static Detection all(boolean on) {
    return new Detection(on, on ? FieldRaceRules.DEFAULT : null);
  }

  /** What {@code options} ask for. */
  public static Detection of(Options options) {
    if (!options.raceDetection()) return all(false);
    FieldRaceRules fields = !options.fieldRaceDetection() ? null
        : new FieldRaceRules(options.reportLibraryRaces(), NamePatterns.of(options.benignRaces()),
            NamePatterns.of(options.instrumentInclude()),
            NamePatterns.of(options.instrumentExclude()));
    return new Detection(true, fields);
  }
}

package dev.weft.internal.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The classes loaded before the hooks go live cover the runtime and the failure values. */
class HookPathClassesTest {

  @Test
  void findsTheClassesOfTheRuntimeAndFailurePackagesWhereTheRuntimeCameFrom() {
    assertThat(HookPathClasses.classNames())
        .contains("dev.weft.internal.runtime.ControlledThread",
            "dev.weft.internal.runtime.Execution", "dev.weft.internal.failure.DataRace")
        .noneMatch(name -> name.endsWith("package-info"))
        .allMatch(name -> inPackage(name, "dev.weft.internal.runtime.")
            || inPackage(name, "dev.weft.internal.failure."));
  }

  @Test
  void loadsThemAll() {
    assertThat(HookPathClasses.loadAll()).isEqualTo(HookPathClasses.classNames().size())
        .isGreaterThan(50);
  }

  /** Directly in {@code pkg}, not in a package below it. */
  private static boolean inPackage(String name, String pkg) {
    return name.startsWith(pkg) && name.indexOf('.', pkg.length()) < 0;
  }
}

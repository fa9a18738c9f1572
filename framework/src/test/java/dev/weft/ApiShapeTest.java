package dev.weft;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.time.Duration;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** What the API promises about its types, checked on the types themselves. */
class ApiShapeTest {

  @Test
  void resultsFailuresAccessesAndDivergencesAreBuiltByWeftOnly() {
    for (Class<?> type : new Class<?>[] {Result.class, Failure.class, Access.class,
        ReplayDivergedException.class}) {
      assertThat(type.getConstructors()).as(type.getSimpleName()).isEmpty();
      assertThat(Arrays.stream(type.getDeclaredConstructors())
          .filter(c -> Modifier.isProtected(c.getModifiers()))).as(type.getSimpleName()).isEmpty();
    }
  }

  @Test
  void optionsToStringNamesEverySetting() {
    Options options = Options.defaults().iterations(7).seed(5).strategy(Strategy.RANDOM)
        .preemptionBound(3).shard(2, 4).maxSteps(99).timeLimit(Duration.ofSeconds(3))
        .stallTimeout(Duration.ofSeconds(4)).shrinking(11, Duration.ofSeconds(6))
        .raceDetection(false).fieldRaceDetection(false).reportLibraryRaces(true)
        .resetStatics(false).benignRaces("com.acme.Cache.hash").instrumentInclude("com.acme").instrumentExclude("com.acme.generated");
    String text = options.toString();
    for (Field f : settingsFields()) {
      assertThat(text).as("toString names %s", f.getName()).contains(f.getName() + "=");
    }
    assertThat(text).isEqualTo("Options{iterations=7, seed=5, strategy=RANDOM, preemptionBound=3,"
        + " shardNumber=2, shardCount=4, maxSteps=99,"
        + " timeLimit=PT3S, stallTimeout=PT4S, shrinkRuns=11, shrinkTime=PT6S,"
        + " raceDetection=false, fieldRaceDetection=false, reportLibraryRaces=true,"
        + " resetStatics=false, benignRaces=[com.acme.Cache.hash], instrumentInclude=[com.acme],"
        + " instrumentExclude=[com.acme.generated]}");
  }

  @Test
  void optionsDifferingInAnySettingAreNotEqual() {
    Options base = Options.defaults();
    Options[] variants = {base.iterations(7), base.seed(5), base.strategy(Strategy.RANDOM),
        base.preemptionBound(3), base.shard(1, 2), base.shard(2, 2), base.maxSteps(99), base.timeLimit(Duration.ofSeconds(3)),
        base.stallTimeout(Duration.ofSeconds(4)), base.shrinking(11, Options.DEFAULT_SHRINK_TIME),
        base.shrinking(Options.DEFAULT_SHRINK_RUNS, Duration.ofSeconds(6)),
        base.raceDetection(false), base.fieldRaceDetection(false), base.reportLibraryRaces(true),
        base.resetStatics(false), base.benignRaces("com.acme.Cache"), base.instrumentInclude("com.acme"),
        base.instrumentExclude("com.acme")};
    assertThat(variants).hasSize(settingsFields().length);
    for (Options v : variants) {
      assertThat(v).as(v.toString()).isNotEqualTo(base);
    }
    assertThat(base.iterations(7)).isEqualTo(Options.defaults().iterations(7))
        .hasSameHashCodeAs(Options.defaults().iterations(7));
  }

  @Test
  void theDefaultsAreTheDocumentedOnes() {
    Options d = Options.defaults();
    assertThat(d.iterations()).isEqualTo(1000);
    assertThat(d.seed()).isEmpty();
    assertThat(d.strategy()).isEqualTo(Strategy.POS);
    assertThat(d.maxSteps()).isEqualTo(100_000);
    assertThat(d.timeLimit()).isEqualTo(Duration.ofMinutes(2));
    assertThat(d.stallTimeout()).isEqualTo(Duration.ofSeconds(10));
    assertThat(d.shrinkRuns()).isEqualTo(400);
    assertThat(d.shrinkTime()).isEqualTo(Duration.ofSeconds(5));
    assertThat(d.raceDetection()).isTrue();
    assertThat(d.preemptionBound()).isEqualTo(2);
    assertThat(d.shardNumber()).isEqualTo(1);
    assertThat(d.shardCount()).isEqualTo(1);
    assertThat(d.fieldRaceDetection()).isTrue();
    assertThat(d.reportLibraryRaces()).isFalse();
    assertThat(d.resetStatics()).isTrue();
    assertThat(d.benignRaces()).isEmpty();
    assertThat(d.instrumentInclude()).isEmpty();
    assertThat(d.instrumentExclude()).isEmpty();
  }

  /** The settings an {@code Options} holds, as its private twin class declares them. */
  private static Field[] settingsFields() {
    Class<?> settings = Arrays.stream(Options.class.getDeclaredClasses())
        .filter(c -> c.getSimpleName().equals("Settings")).findFirst().orElseThrow();
    return Arrays.stream(settings.getDeclaredFields())
        .filter(f -> !Modifier.isStatic(f.getModifiers()) && !f.isSynthetic())
        .toArray(Field[]::new);
  }
}

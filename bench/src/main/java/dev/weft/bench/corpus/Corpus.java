package dev.weft.bench.corpus;

import java.util.List;

/** Every program of the corpus, each buggy and fixed. */
public final class Corpus {
  private Corpus() {}

  public static List<CorpusProgram> all() {
    GeneratedClassPrograms.warmUpMockito();
    return List.of(
        JdkMonitorPrograms.observable(true), JdkMonitorPrograms.observable(false),
        JdkMonitorPrograms.classLoaders(true), JdkMonitorPrograms.classLoaders(false),
        DbcpPrograms.metricsDeadlock(true), DbcpPrograms.metricsDeadlock(false),
        GeneratedClassPrograms.join(true), GeneratedClassPrograms.join(false),
        GeneratedClassPrograms.mockitoSpy(true), GeneratedClassPrograms.mockitoSpy(false),
        StaticPrograms.lazySingleton(true), StaticPrograms.lazySingleton(false),
        CommonPoolPrograms.completableFutures(true), CommonPoolPrograms.completableFutures(false),
        UnjoinedPrograms.transfers(true), UnjoinedPrograms.transfers(false),
        TimedWaitPrograms.replyTimeout(true), TimedWaitPrograms.replyTimeout(false));
  }
}

package dev.weft.bench.peers;

import org.jetbrains.kotlinx.lincheck.LinCheckerKt;
import org.jetbrains.kotlinx.lincheck.strategy.LincheckFailure;
import org.jetbrains.lincheck.datastructures.ModelCheckingOptions;

/**
 * Lincheck's model checker on one subject, in a JVM without Weft's agent (Lincheck attaches its
 * own). Its options are its defaults except the scenario size, set to Weft's: no calls before or
 * after the parallel part, 2 threads x 3 calls.
 */
final class LincheckRunner implements PeerComparison.Tool {
  @Override
  public String name() {
    return "Lincheck 3.7 model checking";
  }

  @Override
  public PeerComparison.Verdict check(Subject subject, int round) {
    ModelCheckingOptions options = new ModelCheckingOptions()
        .threads(Subject.THREADS)
        .actorsPerThread(Subject.CALLS_PER_THREAD)
        .actorsBefore(0)
        .actorsAfter(0);
    long start = System.nanoTime();
    LincheckFailure failure = LinCheckerKt.checkImpl(options, subject.lincheckTest());
    long millis = (System.nanoTime() - start) / 1_000_000;
    String found = failure == null ? "" : failure.getClass().getSimpleName();
    return new PeerComparison.Verdict(found, millis, -1);
  }
}

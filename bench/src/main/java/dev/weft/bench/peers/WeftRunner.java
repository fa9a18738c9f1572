package dev.weft.bench.peers;

import dev.weft.Options;
import dev.weft.Result;
import dev.weft.Weft;

/** Weft's linearizability check on one subject with its default options and a seed per round. */
final class WeftRunner implements PeerComparison.Tool {
  @Override
  public String name() {
    return "Weft, default options";
  }

  @Override
  public PeerComparison.Verdict check(Subject subject, int round) {
    long start = System.nanoTime();
    Result result = Weft.explore(Options.defaults().seed(round + 1L), subject.weftBody());
    long millis = (System.nanoTime() - start) / 1_000_000;
    String found = result.failure().map(f -> f.kind().name()).orElse("");
    return new PeerComparison.Verdict(found, millis, result.executions());
  }
}

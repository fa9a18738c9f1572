package dev.weft.examples.grpcmetadata;

import dev.weft.Failure;
import dev.weft.junit.RaceTest;

/**
 * Case 4: gRPC-interceptor request metadata shared across calls through a context. The buggy
 * version must fail with the expected kind; the fixed one must survive every explored
 * interleaving. The scenario lives in main code so that {@link dev.weft.examples.ShowBugs} can run
 * it too; it creates its objects and threads anew in each execution.
 */
class TracingInterceptorTest {

  @RaceTest(expect = Failure.Kind.DATA_RACE)
  void concurrentCallsWriteTheSharedMetadataMap() throws InterruptedException {
    ConcurrentCallsScenario.twoConcurrentCalls(new TracingInterceptor());
  }

  @RaceTest
  void eachCallGetsItsOwnImmutableMetadata() throws InterruptedException {
    ConcurrentCallsScenario.twoConcurrentCalls(new TracingInterceptorFixed());
  }
}

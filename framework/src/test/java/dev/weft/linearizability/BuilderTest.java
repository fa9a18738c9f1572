package dev.weft.linearizability;

import static dev.weft.linearizability.Explore.expectFailure;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.weft.Failure;
import dev.weft.Linearizability;
import dev.weft.Result;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Bad input gets one clear message that says what to do. */
class BuilderTest {

  private static final Linearizability<AtomicInteger> COUNTER =
      Linearizability.of(AtomicInteger::new)
          .operation("incrementAndGet", AtomicInteger::incrementAndGet);

  @Test
  void theBuilderIsImmutable() {
    Linearizability<AtomicInteger> empty = Linearizability.of(AtomicInteger::new);
    Linearizability<AtomicInteger> one = empty.operation("get", AtomicInteger::get);
    assertThat(one).isNotSameAs(empty);
    assertThat(one.threads(3)).isNotSameAs(one);
    assertThat(empty.toString()).contains("operations=[]");
    assertThat(one.toString()).contains("operations=[get()]").contains("threads=2");
    assertThat(one.operation("addAndGet", 1, 3, AtomicInteger::addAndGet).toString())
        .contains("operations=[get(), addAndGet(1..3)]");
  }

  @Test
  void missingOrMalformedPartsAreRefused() {
    assertThatThrownBy(() -> Linearizability.of(null))
        .isInstanceOf(NullPointerException.class).hasMessageContaining("Linearizability.of(");
    assertThatThrownBy(() -> COUNTER.operation(" ", AtomicInteger::get))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("needs a name");
    assertThatThrownBy(() -> COUNTER.operation("incrementAndGet", AtomicInteger::get))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("defined twice");
    assertThatThrownBy(() -> COUNTER.operation("addAndGet", 3, 1, AtomicInteger::addAndGet))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("min 3 is greater than max 1");
    assertThatThrownBy(() -> COUNTER.operation("get", null))
        .isInstanceOf(NullPointerException.class).hasMessageContaining("\"get\"");
    assertThatThrownBy(() -> COUNTER.threads(0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("threads must be at least 1, was 0");
    assertThatThrownBy(() -> COUNTER.operationsPerThread(-1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("operationsPerThread must be at least 1, was -1");
    assertThatThrownBy(() -> COUNTER.sequentialModel(null))
        .isInstanceOf(NullPointerException.class).hasMessageContaining("sequentialModel");
  }

  @Test
  void checkWithoutOperationsOrOutsideAnExecutionIsRefused() {
    assertThatThrownBy(() -> Linearizability.of(AtomicInteger::new).check())
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("no operations");
    assertThatThrownBy(COUNTER::check)
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("must run inside a Weft execution")
        .hasMessageContaining("@RaceTest");
    assertThatThrownBy(() -> COUNTER.threads(9).operationsPerThread(8).check())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("72 calls").hasMessageContaining("at most 64");
  }

  @Test
  void suppliersMustCreateFreshObjects() {
    assertThat(failureMessage(() -> Linearizability.of(() -> (AtomicInteger) null)
        .operation("get", AtomicInteger::get).check()))
        .contains("the supplier returned null");
    AtomicInteger shared = new AtomicInteger();
    assertThat(failureMessage(() -> Linearizability.of(() -> shared)
        .operation("get", AtomicInteger::get).check()))
        .contains("returned the same object twice");
  }

  @Test
  void anOperationMustNotReturnTheObjectItself() {
    assertThat(failureMessage(() -> Linearizability.of(AtomicInteger::new)
        .operation("self", c -> c).check()))
        .contains("operation \"self\" returned the object under test itself");
  }

  private static String failureMessage(dev.weft.Weft.Body body) {
    Result result = expectFailure(Failure.Kind.EXCEPTION, body);
    return result.failure().orElseThrow().cause().orElseThrow().getMessage();
  }
}

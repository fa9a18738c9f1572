package dev.weft.agent;

import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.Failure;
import dev.weft.Result;
import dev.weft.Weft;
import org.junit.jupiter.api.Test;

/**
 * A class that loads without Weft but fails verification once Weft rewrote it is Weft's bug: the
 * result is an INTERNAL_ERROR that says so and asks for a report, never the program's EXCEPTION.
 */
class InternalErrorReportTest {

  @Test
  void aVerifyErrorCausedByWeftsRewritingIsAnInternalError() {
    String name = HandMadeClasses.PACKAGE + "ClobbersThis";
    byte[] bytes = HandMadeClasses.clobbersThis(name);
    Result result = Weft.explore(AgentProbe.options(5), () -> {
      Class<?> c = new HandMadeClasses.DefiningLoader().define(name, bytes);
      ((Runnable) c.getConstructor().newInstance()).run();
    });
    assertThat(result.failed()).as(result.report()).isTrue();
    Failure failure = result.failure().orElseThrow();
    assertThat(failure.kind()).as(result.report()).isEqualTo(Failure.Kind.INTERNAL_ERROR);
    assertThat(failure.cause()).containsInstanceOf(VerifyError.class);
    assertThat(failure.summary()).startsWith("WEFT INTERNAL ERROR: java.lang.VerifyError")
        .contains("a bug in Weft, not in the code under test");
    assertThat(result.report()).contains("Please report it");
  }
}

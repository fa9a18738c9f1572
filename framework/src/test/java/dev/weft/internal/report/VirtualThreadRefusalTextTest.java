package dev.weft.internal.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.internal.failure.LostControl;
import dev.weft.internal.failure.ThreadRef;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The two reasons a virtual thread is refused (JDK 21 to 23; the class not instrumented) read
 * differently and each says what to do. Rendered here on any JDK: the JDKs where they happen are
 * not the ones the suite runs on.
 */
class VirtualThreadRefusalTextTest {

  private static final LostControl.ThreadState BODY = new LostControl.ThreadState(
      new ThreadRef(0, "weft-body"), Thread.State.RUNNABLE,
      List.of(new StackTraceElement("app.Shop", "checkout", "Shop.java", 42)));

  private static String details(LostControlText text) {
    return text.details().stream().map(Paragraph::text).collect(Collectors.joining());
  }

  @Test
  void beforeJdk24TheReportSaysWhichJdkControlsThem() {
    LostControlText text = new LostControlText(new LostControl.VirtualThreadCreated(BODY, true));
    assertThat(text.summary()).isEqualTo("LOST CONTROL: T0 (weft-body) created a virtual thread"
        + " at Shop.java:42, which Weft controls on JDK 24 and later only");
    assertThat(details(text)).contains("pins its carrier thread")
        .contains("Fix: run the tests on JDK 24 or later").contains("Thread.ofPlatform()");
  }

  @Test
  void anUninstrumentedVirtualThreadClassIsNamedAsTheCause() {
    LostControlText text = new LostControlText(new LostControl.VirtualThreadCreated(BODY, false));
    assertThat(text.summary()).endsWith(
        "which Weft cannot control: java.lang.VirtualThread is not instrumented");
    assertThat(details(text)).contains("could not instrument java.lang.VirtualThread")
        .contains("-javaagent").doesNotContain("JDK 24");
  }
}

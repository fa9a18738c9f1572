package dev.weft.internal.diagnosis;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

/** Which throwables are Weft's failure and which the program's. */
class InternalErrorsTest {

  private static final Predicate<String> TRANSFORMED =
      name -> Set.of("com.shop.Cart", "com.shop.Order").contains(name.replace('/', '.'));

  private static <T extends Throwable> T thrownAt(T t, String... classes) {
    StackTraceElement[] stack = new StackTraceElement[classes.length];
    for (int i = 0; i < classes.length; i++) {
      stack[i] = new StackTraceElement(classes[i], "m", "F.java", i + 1);
    }
    t.setStackTrace(stack);
    return t;
  }

  private static boolean isWeftsOwn(Throwable t) {
    return InternalErrors.culprit(t, TRANSFORMED) != null;
  }

  @Test
  void aVerifyErrorAboutATransformedClassIsWeftsOwn() {
    VerifyError hotspot = new VerifyError("Bad local variable type\nException Details:\n"
        + "  Location:\n    com/shop/Cart.add(Ljava/lang/Object;)V @4: aload_0");
    VerifyError oldVerifier = new VerifyError(
        "(class: com/shop/Order, method: total signature: ()I) Illegal type in constant pool");
    assertThat(isWeftsOwn(thrownAt(hotspot, "com.shop.Main"))).isTrue();
    assertThat(isWeftsOwn(thrownAt(oldVerifier, "com.shop.Main"))).isTrue();
    assertThat(isWeftsOwn(thrownAt(new ClassFormatError("Truncated class file com/shop/Cart"),
        "java.lang.ClassLoader"))).isTrue();
  }

  @Test
  void aVerifyErrorAboutAClassWeftDidNotTouchIsTheProgramsOwn() {
    VerifyError generatedByTheProgram = new VerifyError(
        "Bad type on operand stack\nException Details:\n  Location:\n    com/shop/Proxy$1.x()V @1");
    assertThat(isWeftsOwn(thrownAt(generatedByTheProgram, "com.shop.Main"))).isFalse();
  }

  @Test
  void aLinkageErrorBetweenApplicationClassesIsTheProgramsOwnButOneToWeftIsNot() {
    NoSuchMethodError versionMismatch =
        new NoSuchMethodError("'void com.shop.Cart.add(java.lang.Object)'");
    assertThat(isWeftsOwn(thrownAt(versionMismatch, "com.shop.Order"))).isFalse();
    NoSuchMethodError missingHook = new NoSuchMethodError(
        "'java.lang.Object dev.weft.boot.Hooks.synchronizedCallBegins(java.lang.Object, int,"
            + " int)'");
    assertThat(isWeftsOwn(thrownAt(missingHook, "com.shop.Cart"))).isTrue();
  }

  @Test
  void aThrowableRaisedInsideWeftIsWeftsOwn() {
    assertThat(isWeftsOwn(thrownAt(new NullPointerException("Cannot read field \"owner\""),
        "dev.weft.internal.runtime.Execution", "dev.weft.boot.Hooks", "com.shop.Cart"))).isTrue();
    assertThat(isWeftsOwn(thrownAt(new ClassCastException(), "dev.weft.boot.Hooks",
        "com.shop.Cart"))).isTrue();
    // The runtime iterated its own map and the JDK failed: still Weft's.
    assertThat(isWeftsOwn(thrownAt(new java.util.ConcurrentModificationException(),
        "java.util.HashMap$HashIterator", "dev.weft.internal.runtime.Execution",
        "com.shop.Cart"))).isTrue();
  }

  @Test
  void whatAHookThrowsOnTheProgramsBehalfIsTheProgramsOwn() {
    assertThat(isWeftsOwn(thrownAt(new InterruptedException(),
        "dev.weft.internal.runtime.ControlledRuntime", "dev.weft.boot.Hooks", "com.shop.Cart")))
        .isFalse();
    assertThat(isWeftsOwn(thrownAt(new IllegalMonitorStateException("current thread is not owner"),
        "dev.weft.internal.runtime.ControlledRuntime", "com.shop.Cart"))).isFalse();
    assertThat(isWeftsOwn(thrownAt(new IllegalArgumentException("timeout value is negative"),
        "dev.weft.boot.Hooks", "com.shop.Cart"))).isFalse();
    // The program's null, rejected by the JDK method the runtime called with it.
    assertThat(isWeftsOwn(thrownAt(new NullPointerException(), "java.lang.Thread",
        "dev.weft.internal.runtime.ControlledRuntime", "com.shop.Cart"))).isFalse();
    // The original JDK operation a boot hook performs for the program.
    assertThat(isWeftsOwn(thrownAt(new IllegalStateException("queue full"),
        "java.util.concurrent.ArrayBlockingQueue", "dev.weft.boot.Hooks", "com.shop.Cart")))
        .isFalse();
    assertThat(isWeftsOwn(thrownAt(new StackOverflowError(), "dev.weft.boot.Hooks",
        "com.shop.Cart"))).isFalse();
  }

  @Test
  void theProgramsOwnExceptionsAreTheProgramsOwn() {
    assertThat(isWeftsOwn(thrownAt(new IllegalStateException("cart is empty"), "com.shop.Cart",
        "dev.weft.internal.runtime.ExecutionRunner"))).isFalse();
    assertThat(isWeftsOwn(thrownAt(new AssertionError("expected 2"), "org.junit.Assert",
        "com.shop.CartTest"))).isFalse();
  }

  @Test
  void aWeftFailureWrappedByTheProgramIsFoundInTheCauses() {
    RuntimeException wrapped = thrownAt(new RuntimeException("could not add",
        thrownAt(new NullPointerException(), "dev.weft.internal.runtime.Execution")),
        "com.shop.Cart");
    assertThat(InternalErrors.culprit(wrapped, TRANSFORMED))
        .isInstanceOf(NullPointerException.class);
  }
}

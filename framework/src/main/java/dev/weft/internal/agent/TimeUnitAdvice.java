package dev.weft.internal.agent;

import dev.weft.boot.Hooks;
import java.util.concurrent.TimeUnit;
import net.bytebuddy.asm.Advice;

/** Advice inlined into {@code TimeUnit.sleep}: sleeping is a scheduling choice, never real time. */
final class TimeUnitAdvice {
  private TimeUnitAdvice() {}

  static final class Sleep {
    @Advice.OnMethodEnter(skipOn = Advice.OnNonDefaultValue.class)
    static boolean enter(@Advice.This TimeUnit self, @Advice.Argument(0) long timeout)
        throws InterruptedException {
      return timeout > 0 && Hooks.sleepNanos(self.toNanos(timeout));
    }
  }
}

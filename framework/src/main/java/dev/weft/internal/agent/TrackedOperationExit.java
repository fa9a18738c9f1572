package dev.weft.internal.agent;

import dev.weft.boot.Hooks;
import net.bytebuddy.asm.Advice;

/**
 * The end of a tracked operation on a collection or a thread-unsafe JDK object, whichever enter
 * advice began it: paired with each in {@code Advice.to(enter, exit)}, so one exit serves all.
 */
final class TrackedOperationExit {
  private TrackedOperationExit() {}

  @Advice.OnMethodExit(onThrowable = Throwable.class)
  static void exit(@Advice.This Object self, @Advice.Enter boolean tracked) {
    if (tracked) Hooks.collectionExit(self);
  }
}

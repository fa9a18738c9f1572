package dev.weft.internal.agent;

import static net.bytebuddy.matcher.ElementMatchers.isFinal;
import static net.bytebuddy.matcher.ElementMatchers.isStatic;
import static net.bytebuddy.matcher.ElementMatchers.isSynthetic;
import static net.bytebuddy.matcher.ElementMatchers.not;

import net.bytebuddy.description.type.TypeDescription;

/**
 * Which application classes have static state that is reset between executions: those declaring
 * a static field that is neither final nor synthetic (compiler and tool machinery, such as a
 * coverage tool's probe array, is not the program's state). Only they report their
 * initialization, so other classes pay nothing.
 */
final class ResettableStatics {
  private ResettableStatics() {}

  static boolean declaredBy(TypeDescription type) {
    return !type.isInterface() && !type.getDeclaredFields()
        .filter(isStatic().and(not(isFinal())).and(not(isSynthetic()))).isEmpty();
  }
}

package dev.weft.internal.failure;

import dev.weft.Access;
import java.util.List;
import java.util.Objects;

/**
 * One of the two accesses of a data race, as the detector saw it.
 *
 * @param thread the thread that made it
 * @param operation what it did, such as {@code HashMap.put} or {@code HashMap iteration}
 * @param argument the operation's argument (a key, an index, an element), or null when the
 *     operation takes none
 * @param kind how the access touches the location
 * @param stack the thread's stack at the access, innermost first (only the caller's frame while
 *     exploring; the whole stack in the traced run behind a report)
 * @param locksHeld the locks the thread held, in the order taken
 * @param origin where the thread's work came from
 */
public record RacyAccess(ThreadRef thread, String operation, Value argument, Access.Kind kind,
    List<StackTraceElement> stack, List<HeldLock> locksHeld, ThreadOrigin origin) {

  public RacyAccess {
    Objects.requireNonNull(thread, "thread");
    Objects.requireNonNull(operation, "operation");
    Objects.requireNonNull(kind, "kind");
    stack = List.copyOf(stack);
    locksHeld = List.copyOf(locksHeld);
    Objects.requireNonNull(origin, "origin");
  }

  /** The first frame of the application's own code, or null. */
  public StackTraceElement where() {
    return StackFrames.firstApplicationFrame(stack);
  }

  public boolean write() {
    return kind.isWrite();
  }
}

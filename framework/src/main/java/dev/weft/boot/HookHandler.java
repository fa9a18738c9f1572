package dev.weft.boot;

/**
 * What instrumented code reports to the controlled runtime, one family of hooks per kind of
 * operation. {@link Hooks} forwards each call to its family while an exploration runs.
 * Implementations decide per thread: calls from threads that are not under control (or from the
 * runtime itself) must behave exactly like the original operation.
 *
 * <p>Hook methods returning {@code boolean} answer "handled": {@code true} means the runtime
 * performed the operation in its model and the original JDK method body must be skipped.
 *
 * <p>{@code site} arguments identify the instrumented call site (class, method, line); they are
 * assigned when the class is transformed, so the hot path passes a constant int, not a stack trace.
 *
 * <p>{@link Hooks#install} reads each family once; they must not change afterwards.
 */
public interface HookHandler {

  ThreadHooks threads();

  MonitorHooks monitors();

  ParkingHooks parking();

  TimeHooks time();

  MemoryHooks memory();

  TaskHooks tasks();

  CollectionHooks collections();

  LockHooks locks();

  FieldHooks fields();
}

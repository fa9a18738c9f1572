package dev.weft.internal.linearizability;

import dev.weft.internal.diagnosis.UsageError;
import dev.weft.boot.ExecutionAborted;
import dev.weft.boot.Hooks;
import dev.weft.internal.runtime.ControlledRuntime;
import java.util.List;

/**
 * Runs one scenario on the object under test: starts one plain thread per scenario thread, each
 * drawing its calls from the execution's recorded choices just before making them (see {@link
 * ScenarioEncoding}), and waits for all of them. Runs on a controlled thread (the body's), so the
 * threads started here are controlled threads and every Weft primitive applies inside the calls.
 */
final class ScenarioRun {
  private final Object target;
  private final List<Operation> operations;
  private final int operationsPerThread;
  private final ScenarioEncoding encoding;
  private final HistoryRecorder recorder;

  private ScenarioRun(Object target, List<Operation> operations, int threads,
      int operationsPerThread) {
    this.target = target;
    this.operations = operations;
    this.operationsPerThread = operationsPerThread;
    this.encoding = new ScenarioEncoding(operations.size());
    this.recorder = new HistoryRecorder(operations, threads * operationsPerThread);
  }

  /**
   * Runs the scenario and returns its history.
   *
   * @param joinSite the site id of the user's {@code check()} call, for the joins in the trace
   */
  static History run(Object target, String objectType, List<Operation> operations, int threads,
      int operationsPerThread, int joinSite) {
    ScenarioRun run = new ScenarioRun(target, operations, threads, operationsPerThread);
    Thread[] callers = new Thread[threads];
    for (int t = 0; t < threads; t++) {
      int thread = t;
      callers[t] = new Thread(() -> run.callsOf(thread), History.threadName(t));
    }
    for (Thread caller : callers) caller.start();
    try {
      // Through the hook, as the agent rewrites joins in application code: this class is Weft's
      // own and not rewritten, and a real join would block the thread that holds the turn.
      for (Thread caller : callers) Hooks.join(caller, joinSite);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new UsageError("Linearizability.check() was interrupted while waiting for"
          + " its calls to finish", e);
    }
    return ControlledRuntime.withoutControl(() -> run.recorder.history(objectType, threads));
  }

  /** The body of scenario thread {@code thread}: draw a call, make it, record it, repeat. */
  private void callsOf(int thread) {
    for (int slot = 0; slot < operationsPerThread; slot++) {
      int choice = ControlledRuntime.choose(encoding.callBound());
      if (ScenarioEncoding.isEmptySlot(choice)) continue;
      Operation operation = operations.get(encoding.operation(choice));
      Integer argument = null;
      if (operation.hasArgument()) {
        argument = operation.min() + ControlledRuntime.choose(operation.range());
      }
      int id = recorder.begin(thread, encoding.operation(choice), argument);
      recorder.end(id, call(operation, argument == null ? 0 : argument));
    }
  }

  private Outcome call(Operation operation, int argument) {
    try {
      return Outcome.returned(operation.invoke(target, argument));
    } catch (ExecutionAborted | VirtualMachineError unwindOrFatal) {
      throw unwindOrFatal;
    } catch (Throwable thrown) {
      return Outcome.threw(thrown);
    }
  }
}

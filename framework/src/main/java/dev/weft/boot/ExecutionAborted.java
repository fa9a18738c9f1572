package dev.weft.boot;

/**
 * Thrown from a scheduling point to unwind a controlled thread when its execution is over (a
 * failure was found, or the execution finished with the thread still blocked). It is an
 * {@link Error} so that ordinary {@code catch (Exception e)} blocks in the code under test do not
 * swallow it. It carries no stack trace: it is control flow, not a diagnosis.
 */
public final class ExecutionAborted extends Error {
  private static final long serialVersionUID = 1L;

  public ExecutionAborted() {
    super("Weft ended this execution; the thread is being unwound", null, false, false);
  }
}

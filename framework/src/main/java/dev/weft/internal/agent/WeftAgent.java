package dev.weft.internal.agent;

import java.lang.instrument.Instrumentation;

/** The {@code Premain-Class} and {@code Agent-Class} of {@code weft-framework.jar}. */
public final class WeftAgent {
  private WeftAgent() {}

  /** {@code args}: {@code include=<patterns>;exclude=<patterns>} (see {@link InstrumentationScope}). */
  public static void premain(String args, Instrumentation instrumentation) {
    // Before anything can start the common pool, which reads its parallelism once.
    CommonPoolParallelism.fixUnlessSet();
    configure(args);
    AgentInstaller.install(instrumentation, AgentInstaller.Origin.COMMAND_LINE);
  }

  public static void agentmain(String args, Instrumentation instrumentation) {
    CommonPoolParallelism.fixUnlessSet();
    configure(args);
    AgentInstaller.install(instrumentation, AgentInstaller.Origin.ATTACHED);
  }

  private static void configure(String args) {
    try {
      InstrumentationScope.configure(args);
    } catch (IllegalArgumentException badPattern) {
      System.err.println("[weft] bad agent argument: " + badPattern.getMessage()
          + "; the default scope is used");
    }
  }
}

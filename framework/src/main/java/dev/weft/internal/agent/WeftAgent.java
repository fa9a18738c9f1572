package dev.weft.internal.agent;

import java.lang.instrument.Instrumentation;

/** The {@code Premain-Class} and {@code Agent-Class} of {@code weft-framework.jar}. */
public final class WeftAgent {
  private WeftAgent() {}

  public static void premain(String args, Instrumentation instrumentation) {
    AgentInstaller.install(instrumentation, AgentInstaller.Origin.COMMAND_LINE);
  }

  public static void agentmain(String args, Instrumentation instrumentation) {
    AgentInstaller.install(instrumentation, AgentInstaller.Origin.ATTACHED);
  }
}

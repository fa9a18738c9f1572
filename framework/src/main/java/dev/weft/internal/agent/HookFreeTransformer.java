package dev.weft.internal.agent;

import dev.weft.internal.runtime.ControlledRuntime;
import java.lang.instrument.IllegalClassFormatException;
import java.security.ProtectionDomain;
import net.bytebuddy.agent.builder.AgentBuilder;
import net.bytebuddy.agent.builder.ResettableClassFileTransformer;

/**
 * Weft's class-file transformer with the transforming thread's hooks off (see {@link
 * ControlledRuntime#beginInstrumenting}): a class first loaded inside an execution must not add
 * steps to that execution only.
 */
final class HookFreeTransformer extends ResettableClassFileTransformer.WithDelegation {

  /** Wraps the transformer the agent builder registers. */
  static final AgentBuilder.TransformerDecorator DECORATOR = new AgentBuilder.TransformerDecorator() {
    @Override
    public ResettableClassFileTransformer decorate(ResettableClassFileTransformer transformer) {
      return new HookFreeTransformer(transformer);
    }
  };

  private HookFreeTransformer(ResettableClassFileTransformer transformer) {
    super(transformer);
  }

  @Override
  public byte[] transform(ClassLoader loader, String className, Class<?> redefined,
      ProtectionDomain domain, byte[] classFile) throws IllegalClassFormatException {
    Object token = ControlledRuntime.beginInstrumenting();
    try {
      return classFileTransformer.transform(loader, className, redefined, domain, classFile);
    } finally {
      ControlledRuntime.endInstrumenting(token);
    }
  }

  @Override
  public byte[] transform(Module module, ClassLoader loader, String className, Class<?> redefined,
      ProtectionDomain domain, byte[] classFile) throws IllegalClassFormatException {
    Object token = ControlledRuntime.beginInstrumenting();
    try {
      return classFileTransformer.transform(module, loader, className, redefined, domain,
          classFile);
    } finally {
      ControlledRuntime.endInstrumenting(token);
    }
  }
}

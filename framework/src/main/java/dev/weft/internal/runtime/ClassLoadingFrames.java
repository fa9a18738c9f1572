package dev.weft.internal.runtime;

/**
 * Recognizes, on a stack, a thread that loads, defines, transforms, links or initializes classes:
 * time spent there is the JVM's (and Weft's instrumentation's), not the program running away from
 * the scheduler, so the watchdog does not count it as a stall. A program that generates classes
 * (mock proxies, a script compiler) can spend many seconds there before its first scheduling point.
 */
final class ClassLoadingFrames {
  private ClassLoadingFrames() {}

  /** Classes that only run while classes are linked: call sites, lambdas, string concatenation. */
  private static final String[] LINKAGE_CLASSES = {"java.lang.invoke.MethodHandleNatives",
      "java.lang.invoke.BootstrapMethodInvoker", "java.lang.invoke.CallSite",
      "java.lang.invoke.InnerClassLambdaMetafactory", "java.lang.invoke.LambdaMetafactory",
      "java.lang.invoke.StringConcatFactory", "java.lang.invoke.InvokerBytecodeGenerator"};

  /** Generators of class files, running before the class is defined. */
  private static final String[] GENERATOR_PACKAGES = {"net.bytebuddy.", "net.sf.cglib.",
      "org.springframework.cglib.", "javassist.", "org.objectweb.asm.",
      "dev.weft.internal.shaded."};

  private static final StackWalker WALKER = StackWalker.getInstance();

  /**
   * Whether the calling thread runs a class initializer: a JDK class's too, which Weft's class
   * initializer advice does not cover. Another thread that touches the class meanwhile waits for
   * real, on the JVM's class initialization monitor, where no scheduling point can reach it.
   */
  static boolean callerInitializesAClass() {
    return WALKER.walk(frames -> frames.anyMatch(f -> f.getMethodName().equals("<clinit>")));
  }

  static boolean isLoadingClasses(StackTraceElement[] stack) {
    for (StackTraceElement frame : stack) {
      if (isClassLoadingFrame(frame)) return true;
    }
    return false;
  }

  static boolean isClassLoadingFrame(StackTraceElement frame) {
    String method = frame.getMethodName();
    if (method.equals("<clinit>") || method.equals("loadClass") || method.equals("findClass")
        || method.startsWith("defineClass") || method.equals("retransformClasses")) {
      return true;
    }
    String type = frame.getClassName();
    if (type.startsWith("jdk.internal.loader.") || type.startsWith("sun.instrument.")) return true;
    for (String linkage : LINKAGE_CLASSES) {
      if (type.equals(linkage)) return true;
    }
    for (String generator : GENERATOR_PACKAGES) {
      if (type.startsWith(generator)) return true;
    }
    return false;
  }
}

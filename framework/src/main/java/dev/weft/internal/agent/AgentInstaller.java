package dev.weft.internal.agent;

import static net.bytebuddy.matcher.ElementMatchers.isConstructor;
import static net.bytebuddy.matcher.ElementMatchers.isTypeInitializer;
import static net.bytebuddy.matcher.ElementMatchers.named;
import static net.bytebuddy.matcher.ElementMatchers.nameStartsWith;
import static net.bytebuddy.matcher.ElementMatchers.takesArguments;
import static net.bytebuddy.matcher.ElementMatchers.takesNoArguments;

import dev.weft.boot.Hooks;
import dev.weft.internal.runtime.ControlledRuntime;
import dev.weft.internal.statics.StaticBaselines;
import java.lang.instrument.Instrumentation;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.jar.JarFile;
import net.bytebuddy.ByteBuddy;
import net.bytebuddy.agent.ByteBuddyAgent;
import net.bytebuddy.agent.builder.AgentBuilder;
import net.bytebuddy.asm.Advice;
import net.bytebuddy.description.method.MethodDescription;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.dynamic.DynamicType;
import net.bytebuddy.dynamic.scaffold.MethodGraph;
import net.bytebuddy.dynamic.scaffold.TypeValidation;
import net.bytebuddy.matcher.ElementMatcher;
import net.bytebuddy.utility.JavaModule;

/**
 * Installs Weft's instrumentation once per JVM: from {@code -javaagent} ({@link WeftAgent}) or, when
 * the agent was not given, by attaching to the running JVM on first use.
 */
public final class AgentInstaller {
  private AgentInstaller() {}

  /** How the agent came to be. */
  public enum Origin { COMMAND_LINE, ATTACHED, SELF_ATTACHED }

  /** The snippet users add to Surefire to load the agent at start-up. */
  public static final String SUREFIRE_SNIPPET =
      "  <plugin>\n"
          + "    <artifactId>maven-dependency-plugin</artifactId>\n"
          + "    <executions><execution><goals><goal>properties</goal></goals></execution></executions>\n"
          + "  </plugin>\n"
          + "  <plugin>\n"
          + "    <artifactId>maven-surefire-plugin</artifactId>\n"
          + "    <configuration>\n"
          + "      <argLine>@{argLine} -javaagent:${dev.weft:weft-framework:jar}"
          + " -Xshare:off</argLine>\n"
          + "    </configuration>\n"
          + "  </plugin>\n"
          + "  (and <argLine/> in <properties>)";

  /**
   * JDK 21+'s virtual thread class, named rather than referenced: Weft compiles for Java 17,
   * where it does not exist (and the matcher then matches nothing).
   */
  private static final String VIRTUAL_THREAD = "java.lang.VirtualThread";

  private static volatile Instrumentation instrumentation;
  private static volatile Origin origin;
  private static volatile Throwable installFailure;

  /** Installs from an agent entry point. */
  static synchronized void install(Instrumentation inst, Origin how) {
    if (instrumentation != null) return;
    try {
      doInstall(inst, how, Set.of());
      instrumentation = inst;
      origin = how;
    } catch (Throwable t) {
      installFailure = t;
      System.err.println("[weft] could not install the agent: " + t);
    }
  }

  /** How the agent was installed, or null when it is not. */
  public static Origin origin() {
    return origin;
  }

  /**
   * Makes sure the instrumentation is in place, attaching to this JVM if {@code -javaagent} was not
   * given.
   *
   * @throws IllegalStateException with what to add to the build when Weft cannot control the JVM
   */
  public static synchronized void ensureInstalled() {
    if (instrumentation != null) return;
    if (installFailure != null) {
      throw new IllegalStateException(
          "Weft's agent failed to install (" + installFailure + "); the code under test cannot be"
              + " controlled. Check the -javaagent path and that weft-framework.jar is complete.",
          installFailure);
    }
    // Takes effect only if the program has not used the common pool yet (see mismatch()).
    CommonPoolParallelism.fixUnlessSet();
    Instrumentation inst;
    try {
      inst = ByteBuddyAgent.install();
    } catch (RuntimeException | Error e) {
      throw new IllegalStateException("Weft cannot control this JVM: the agent is not loaded and"
          + " attaching it at run time was refused (" + e.getMessage() + ").\n"
          + "Load it at start-up: add to the test JVM -javaagent:<path to weft-framework.jar>;"
          + " with Maven Surefire:\n" + SUREFIRE_SNIPPET, e);
    }
    Set<String> alreadyLoaded = new HashSet<>();
    for (Class<?> c : inst.getAllLoadedClasses()) {
      alreadyLoaded.add(c.getName());
    }
    try {
      doInstall(inst, Origin.SELF_ATTACHED, alreadyLoaded);
    } catch (Exception e) {
      throw new IllegalStateException("Weft could not instrument this JVM: " + e, e);
    }
    instrumentation = inst;
    origin = Origin.SELF_ATTACHED;
    System.err.println("[weft] The Weft agent was attached at run time. JDK 21+ warns about this,"
        + " and classes loaded before it keep their synchronized methods uncontrolled.\n"
        + "[weft] Load it at start-up instead; with Maven Surefire:\n" + SUREFIRE_SNIPPET);
  }

  private static void doInstall(Instrumentation inst, Origin how, Set<String> alreadyLoaded)
      throws Exception {
    if (System.getProperty("net.bytebuddy.safe") == null) {
      // JDK 24+ warns when ByteBuddy reaches for sun.misc.Unsafe; safe mode avoids it.
      System.setProperty("net.bytebuddy.safe", "true");
    }
    JarFile bootJar = BootJar.write();
    inst.appendToBootstrapClassLoaderSearch(bootJar);
    for (String name : BootJar.CLASSES) {
      // Initialize before instrumenting: otherwise instrumented JDK code could trigger their
      // loading in the middle of a class load (ClassCircularityError).
      Class<?> c = Class.forName(name, true, null);
      Class<?> seen = Class.forName(name, false, AgentInstaller.class.getClassLoader());
      if (seen != c) {
        throw new IllegalStateException(name + " was loaded before Weft's agent was installed;"
            + " load the agent with -javaagent");
      }
    }
    openForDiagnostics(inst);
    preloadJdkTargets();
    // Reflects over JDK classes: done now, not inside the transformer, which would leave a class
    // it loads uninstrumented.
    SynchronizedJdkMethods.count();
    // Before the transformer: the first application class may initialize right after it.
    Hooks.installStatics(StaticBaselines.recorder());
    // Initialized now, not inside the first transformation, which calls it (HookFreeTransformer).
    ControlledRuntime.endInstrumenting(null);
    // Loads what the field rewriting's escape analysis needs, outside any execution.
    ConstructorFacts.warmUp();
    newAgentBuilder(alreadyLoaded).installOn(inst);
  }

  /**
   * Loads the JDK classes Weft instruments before the transformer is registered, so that they are
   * retransformed with the loaded classes. A class first loaded by ByteBuddy's own code while it
   * transforms another one would be skipped by its circularity guard and stay uninstrumented (JDK
   * 25 loads TreeMap lazily, for example).
   */
  private static void preloadJdkTargets() {
    String[] tasks = {"java.util.concurrent.FutureTask", "java.util.concurrent.ForkJoinTask",
        "java.util.concurrent.ThreadPoolExecutor", "java.util.concurrent.CompletableFuture",
        "java.util.concurrent.CompletableFuture$AsyncSupply",
        "java.util.concurrent.CompletableFuture$AsyncRun", "java.util.concurrent.TimeUnit",
        "java.util.concurrent.ForkJoinPool", "java.util.concurrent.ForkJoinWorkerThread",
        VIRTUAL_THREAD};
    for (String[] names : new String[][] {CollectionTargets.COLLECTIONS,
        CollectionTargets.VIEWS, tasks,
        JdkObjectFamily.allAdvisedClasses().toArray(new String[0])}) {
      for (String name : names) {
        try {
          Class.forName(name, false, null);
        } catch (ClassNotFoundException absentInThisJdk) {
          // An inner class renamed in another JDK version: nothing to instrument there.
        }
      }
    }
  }

  /**
   * Lets the deadlock report read lock owners inside java.util.concurrent, the race report tell
   * whether a HashMap write grew its table, and the race detector read the state that decides
   * whether a Calendar's {@code get} or a MessageFormat's {@code format} writes.
   */
  private static void openForDiagnostics(Instrumentation inst) {
    Module javaBase = Object.class.getModule();
    Module weft = AgentInstaller.class.getModule();
    inst.redefineModule(javaBase, Set.of(), Map.of(),
        Map.of("java.util.concurrent.locks", Set.of(weft), "java.util.concurrent", Set.of(weft),
            "java.lang", Set.of(weft), "java.util", Set.of(weft), "java.text", Set.of(weft)),
        Set.of(), Map.of());
  }

  private static AgentBuilder newAgentBuilder(Set<String> alreadyLoaded) {
    // Only declared methods: the full method graph resolves every supertype, which fails for a
    // class generated at run time whose supertypes no class file describes.
    return new AgentBuilder.Default(new ByteBuddy().with(TypeValidation.DISABLED)
            .with(MethodGraph.Compiler.ForDeclaredMethods.INSTANCE))
        .disableClassFormatChanges()
        .with(LoadedTypeFallback.INSTANCE)
        .with(AgentBuilder.RedefinitionStrategy.RETRANSFORMATION)
        .with(AgentBuilder.InitializationStrategy.NoOp.INSTANCE)
        .with(AgentBuilder.TypeStrategy.Default.DECORATE)
        .with(new TransformationErrorListener())
        .with(HookFreeTransformer.DECORATOR)
        .ignore(nameStartsWith(InstrumentationScope.BYTE_BUDDY)
            .or(nameStartsWith("dev.weft.internal.shaded."))
            .or(nameStartsWith("dev.weft.boot."))
            .or(nameStartsWith("dev.weft.internal."))
            .or(nameStartsWith("sun.reflect."))
            .or(nameStartsWith("jdk.internal.reflect.")))
        .type(named("java.lang.Thread"))
        .transform((builder, type, loader, module, pd) -> builder
            .visit(Advice.to(ThreadAdvice.Start.class).on(threadStartMethod()))
            .visit(Advice.to(ThreadAdvice.Run.class).on(named("run").and(takesNoArguments())))
            .visit(Advice.to(ThreadAdvice.Exit.class).on(named("exit").and(takesNoArguments())))
            .visit(Advice.to(ThreadAdvice.Uncaught.class)
                .on(named("dispatchUncaughtException").and(takesArguments(Throwable.class))))
            .visit(Advice.to(ThreadAdvice.Interrupt.class)
                .on(named("interrupt").and(takesNoArguments())))
            .visit(Advice.to(ThreadAdvice.Created.class).on(isConstructor()))
            .visit(Advice.to(ThreadAdvice.DaemonSet.class)
                .on(named("setDaemon").and(takesArguments(boolean.class)))))
        .type(named(VIRTUAL_THREAD))
        .transform((builder, type, loader, module, pd) -> builder
            .visit(Advice.to(ThreadAdvice.VirtualStart.class)
                .on(named("start").and(takesArguments(1))))
            .visit(Advice.to(ThreadAdvice.VirtualRun.class)
                .on(named("run").and(takesArguments(Runnable.class))))
            .visit(Advice.to(ThreadAdvice.Interrupt.class)
                .on(named("interrupt").and(takesNoArguments()))))
        .type(named("java.lang.invoke.MethodHandleNatives"))
        .transform((builder, type, loader, module, pd) -> builder
            .visit(Advice.to(ClinitAdvice.class)
                .on(named("linkCallSite").or(named("linkDynamicConstant")))))
        .type(named("java.util.concurrent.ForkJoinWorkerThread"))
        .transform((builder, type, loader, module, pd) -> builder
            .visit(Advice.to(ThreadAdvice.Run.class).on(named("run").and(takesNoArguments()))))
        .type(CollectionTargets.collections())
        .transform((builder, type, loader, module, pd) -> CollectionTargets.operations(builder))
        .type(CollectionTargets.views())
        .transform((builder, type, loader, module, pd) -> CollectionTargets.steps(builder))
        .type(JdkObjectTargets.classes())
        .transform((builder, type, loader, module, pd) ->
            JdkObjectTargets.operations(builder, type))
        .type(named("java.util.concurrent.ConcurrentHashMap"))
        .transform((builder, type, loader, module, pd) -> builder
            .visit(Advice.to(ConcurrentMapAdvice.class).on(CollectionTargets.concurrentMapOperations())))
        .type(named("java.util.concurrent.FutureTask"))
        .transform((builder, type, loader, module, pd) -> builder
            .visit(Advice.to(TaskAdvice.Body.class).on(named("run").and(takesNoArguments())))
            .visit(Advice.to(TaskAdvice.Publishing.class)
                .on(named("set").or(named("setException")).and(takesArguments(1))))
            .visit(Advice.to(TaskAdvice.Created.class).on(isConstructor())))
        .type(named("java.util.concurrent.ForkJoinTask"))
        .transform((builder, type, loader, module, pd) -> builder
            .visit(Advice.to(TaskAdvice.Body.class).on(named("doExec").and(takesNoArguments())))
            .visit(Advice.to(TaskAdvice.Publishing.class)
                .on(named("setDone").or(named("trySetException"))))
            .visit(Advice.to(TaskAdvice.Created.class).on(isConstructor())))
        .type(named("java.util.concurrent.CompletableFuture$AsyncSupply")
            .or(named("java.util.concurrent.CompletableFuture$AsyncRun")))
        .transform((builder, type, loader, module, pd) -> builder
            .visit(Advice.to(TaskAdvice.Body.class).on(named("run").and(takesNoArguments()))))
        .type(named("java.util.concurrent.CompletableFuture"))
        .transform((builder, type, loader, module, pd) -> builder
            .visit(Advice.to(TaskAdvice.Finished.class).on(named("postComplete")))
            .visit(Advice.to(TaskAdvice.Publishing.class).on(named("completeValue")
                .or(named("completeNull")).or(named("completeThrowable"))
                .or(named("completeRelay")).or(named("internalComplete")))))
        .type(named("java.util.concurrent.ThreadPoolExecutor"))
        .transform((builder, type, loader, module, pd) -> builder
            .visit(Advice.to(TaskAdvice.Taken.class).on(named("getTask")))
            .visit(Advice.to(TaskAdvice.Submitted.class)
                .on(named("execute").and(takesArguments(Runnable.class))))
            .visit(Advice.to(TaskAdvice.Finished.class).on(named("afterExecute"))))
        .type(named("java.util.concurrent.locks.LockSupport"))
        .transform((builder, type, loader, module, pd) -> lockSupport(builder))
        .type(named("java.util.concurrent.TimeUnit"))
        .transform((builder, type, loader, module, pd) -> builder
            .visit(Advice.to(TimeUnitAdvice.Sleep.class)
                .on(named("sleep").and(takesArguments(long.class)))))
        .type(named("java.util.concurrent.ForkJoinPool").or(jdkMonitorBlocks()))
        .transform((builder, type, loader, module, pd) -> builder
            .visit(new CallSiteRewriter(CallSiteRewriter.Mode.JDK)))
        .type(type -> InstrumentationScope.isApplicationClass(type.getName()))
        .transform((builder, type, loader, module, pd) -> {
          ProjectClasses.record(type.getName(), pd);
          return application(builder, type, loader, alreadyLoaded.contains(type.getName()));
        });
  }

  /**
   * {@code start()}, and on JDK 19+ also {@code start(ThreadContainer)}: thread pools call the
   * latter directly. Neither calls the other, so a thread passes the advice once.
   */
  private static ElementMatcher.Junction<MethodDescription> threadStartMethod() {
    return named("start").and(takesNoArguments().or(takesArguments(1)));
  }

  private static DynamicType.Builder<?> lockSupport(DynamicType.Builder<?> builder) {
    return builder
        .visit(Advice.to(LockSupportAdvice.Park.class).on(named("park").and(takesNoArguments())))
        .visit(Advice.to(LockSupportAdvice.ParkBlocker.class)
            .on(named("park").and(takesArguments(Object.class))))
        .visit(Advice.to(LockSupportAdvice.ParkNanos.class)
            .on(named("parkNanos").and(takesArguments(long.class))))
        .visit(Advice.to(LockSupportAdvice.ParkNanosBlocker.class)
            .on(named("parkNanos").and(takesArguments(Object.class, long.class))))
        .visit(Advice.to(LockSupportAdvice.ParkUntil.class)
            .on(named("parkUntil").and(takesArguments(long.class))))
        .visit(Advice.to(LockSupportAdvice.ParkUntilBlocker.class)
            .on(named("parkUntil").and(takesArguments(Object.class, long.class))))
        .visit(Advice.to(LockSupportAdvice.Unpark.class)
            .on(named("unpark").and(takesArguments(Thread.class))));
  }

  /**
   * JDK classes whose {@code synchronized} blocks guard a monitor the application can hold too:
   * a {@code synchronizedMap}'s mutex, an {@code Observable} ({@code notifyObservers}), a {@code
   * PrintStream} ({@code synchronized (System.out)} in the application against a {@code println}),
   * and a class loader's class-loading lock ({@code loadClass}). Their bodies are rewritten so the
   * blocks' monitors are modelled; their {@code synchronized} methods are modelled at the
   * application's calls ({@link MonitorCallHelpers}).
   */
  private static ElementMatcher.Junction<TypeDescription> jdkMonitorBlocks() {
    return nameStartsWith("java.util.Collections$Synchronized")
        .or(named("java.util.Observable"))
        .or(named("java.io.PrintStream"))
        .or(named("java.lang.ClassLoader"));
  }

  private static DynamicType.Builder<?> application(DynamicType.Builder<?> builder,
      TypeDescription type, ClassLoader loader, boolean retransformed) {
    CallSiteRewriter.Mode mode = retransformed
        ? CallSiteRewriter.Mode.APPLICATION_RETRANSFORMED
        : CallSiteRewriter.Mode.APPLICATION;
    boolean statics = ResettableStatics.declaredBy(type);
    DynamicType.Builder<?> b = builder
        .visit(Advice.to(statics ? ClinitAdvice.Recording.class : ClinitAdvice.class)
            .on(isTypeInitializer()))
        .visit(new CallSiteRewriter(mode, loader));
    if (statics && !retransformed) b = b.visit(StaticInitializerAdder.INSTANCE);
    if (TypeFacts.mayBeThread(type)) {
      b = b.visit(Advice.to(ThreadAdvice.Run.class).on(named("run").and(takesNoArguments())));
    }
    return b;
  }

  /**
   * Records the classes Weft changed, and those it failed to instrument: silently skipping them
   * would test less.
   */
  private static final class TransformationErrorListener extends AgentBuilder.Listener.Adapter {
    @Override
    public void onTransformation(TypeDescription typeDescription, ClassLoader classLoader,
        JavaModule module, boolean loaded, DynamicType dynamicType) {
      TransformedClasses.record(typeDescription.getName());
    }

    @Override
    public void onError(String typeName, ClassLoader classLoader, JavaModule module,
        boolean loaded, Throwable throwable) {
      if (InstrumentationScope.isApplicationClass(typeName)) {
        UncontrolledClasses.record(typeName, throwable);
      }
      System.err.println("[weft] could not instrument " + typeName + ": " + throwable
          + "\n[weft] it runs uncontrolled: no race is reported from its accesses, and the"
          + " result lists it");
    }
  }

}

package dev.weft.junit;

import dev.weft.Body;
import dev.weft.Weft;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestTemplate;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.InvocationInterceptor;
import org.junit.jupiter.api.extension.ReflectiveInvocationContext;
import org.junit.platform.commons.support.AnnotationSupport;

/**
 * Runs {@link RaceTest} methods under Weft. Registered by the annotation itself; registering it
 * on a class as well is harmless, and plain {@code @Test} methods then run as usual.
 *
 * <p>JUnit invokes a {@code @RaceTest} method once, and this extension replaces that invocation:
 * it skips it and instead runs the method body inside {@link Weft#explore}, once per execution,
 * on the same test instance and with the same resolved parameters. So the method shows as one
 * test, and:
 *
 * <ul>
 *   <li>the test instance, its field initializers, {@code @BeforeAll}/{@code @BeforeEach} and
 *       {@code @AfterEach}/{@code @AfterAll} run <em>once</em>, around all executions;
 *   <li>the body must create the objects it shares and the threads it starts itself, afresh in
 *       each execution; state kept in fields would leak from one execution into the next;
 *   <li>an exception the body throws ends that execution as a failure of kind
 *       {@code EXCEPTION}, with the exception as the cause of the test's {@link AssertionError}.
 * </ul>
 *
 * <p>Each run says what it explored in one line, published as a report entry with the key
 * {@value #REPORT_KEY} and printed on the console ({@code weft: 1000 executions in 2.1 s, POS seed
 * 42, no failure}); so are remarks about stale failure records and warnings about unknown
 * {@code weft.*} parameters.
 *
 * <p>Weft controls one exploration per JVM at a time, so when JUnit runs tests in parallel the
 * explorations take turns on a JVM-wide lock; the wait counts towards any {@code @Timeout}.
 *
 * <p>{@code @RaceTest} cannot be combined with {@code @ParameterizedTest}, {@code @RepeatedTest},
 * other test templates or {@code @TestFactory}: such a method fails with an explanation.
 */
public class RaceTestExtension implements InvocationInterceptor {

  /** The key of Weft's JUnit report entries, and the prefix of its console lines. */
  static final String REPORT_KEY = "weft";

  /** Warnings already printed: each once per JVM, however many race tests run. */
  private static final Set<String> WARNED = ConcurrentHashMap.newKeySet();

  /** Public for JUnit, which instantiates the extension. */
  public RaceTestExtension() {}

  @Override
  public void interceptTestMethod(Invocation<Void> invocation,
      ReflectiveInvocationContext<Method> invocationContext, ExtensionContext extensionContext)
      throws Throwable {
    Method method = invocationContext.getExecutable();
    Optional<RaceTest> raceTest = AnnotationSupport.findAnnotation(method, RaceTest.class);
    if (raceTest.isEmpty()) {
      invocation.proceed();
      return;
    }
    rejectMisuse(invocation, method);
    invocation.skip();
    for (String warning : UnknownParameters.warnings(UnknownParameters.given(),
        RaceSettings.PARAMETERS)) {
      extensionContext.publishReportEntry(REPORT_KEY, warning);
      if (WARNED.add(warning)) System.err.println(REPORT_KEY + ": " + warning);
    }
    RaceSettings settings =
        RaceSettings.resolve(raceTest.get(), extensionContext::getConfigurationParameter);
    Object target = invocationContext.getTarget().orElse(null);
    Object[] arguments = invocationContext.getArguments().toArray();
    Class<?> testClass = extensionContext.getRequiredTestClass();
    new RaceTestRun(settings, testClass, method.getName(), body(method, target, arguments),
        note -> {
          extensionContext.publishReportEntry(REPORT_KEY, note);
          // Surefire and Gradle do not show report entries; the console shows the line.
          System.out.println(REPORT_KEY + ": " + note);
        }).run();
  }

  @Override
  public void interceptTestTemplateMethod(Invocation<Void> invocation,
      ReflectiveInvocationContext<Method> invocationContext, ExtensionContext extensionContext)
      throws Throwable {
    rejectMisuse(invocation, invocationContext.getExecutable());
    invocation.proceed();
  }

  @Override
  public <T> T interceptTestFactoryMethod(Invocation<T> invocation,
      ReflectiveInvocationContext<Method> invocationContext, ExtensionContext extensionContext)
      throws Throwable {
    rejectMisuse(invocation, invocationContext.getExecutable());
    return invocation.proceed();
  }

  /**
   * Fails a {@code @RaceTest} that is also a test template or factory. JUnit then makes two tests
   * of the method, and both fail here: the plain one and each invocation of the template.
   */
  private static void rejectMisuse(Invocation<?> invocation, Method method) {
    if (!AnnotationSupport.isAnnotated(method, RaceTest.class)) return;
    String other = AnnotationSupport.isAnnotated(method, TestFactory.class) ? "@TestFactory"
        : AnnotationSupport.isAnnotated(method, TestTemplate.class)
            ? "a test template such as @ParameterizedTest or @RepeatedTest" : null;
    if (other == null) return;
    invocation.skip();
    throw new ExtensionConfigurationException("@RaceTest cannot be combined with " + other
        + " (on " + method.getDeclaringClass().getName() + "#" + method.getName() + "):"
        + " Weft already runs the body many times. Keep @RaceTest alone and loop over the"
        + " inputs inside the body, or write one @RaceTest method per input.");
  }

  /** The method invoked reflectively, so that Weft sees the exception the method itself threw. */
  private static Body body(Method method, Object target, Object[] arguments) {
    if (!method.trySetAccessible()) {
      throw new ExtensionConfigurationException("Weft cannot call " + method
          + ": it is not accessible to the extension (open its package to dev.weft.junit)");
    }
    return () -> {
      try {
        method.invoke(target, arguments);
      } catch (InvocationTargetException e) {
        throw e.getCause();
      }
    };
  }
}

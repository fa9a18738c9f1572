package dev.weft.examples;

import dev.weft.Failure;
import dev.weft.Options;
import dev.weft.Result;
import dev.weft.Weft;
import dev.weft.examples.checkthenact.LoginThrottle;
import dev.weft.examples.checkthenact.PasswordGuessingScenario;
import dev.weft.examples.concurrentwrites.PageViewCounter;
import dev.weft.examples.concurrentwrites.PageViewScenario;
import dev.weft.examples.dateformat.ConfirmationScenario;
import dev.weft.examples.dateformat.OrderConfirmations;
import dev.weft.examples.grpcmetadata.ConcurrentCallsScenario;
import dev.weft.examples.grpcmetadata.TracingInterceptor;
import dev.weft.examples.hotreload.HotReloadScenario;
import dev.weft.examples.hotreload.LiveConfig;
import dev.weft.examples.informer.InformerCache;
import dev.weft.examples.informer.InformerScenario;
import dev.weft.examples.iteration.OnlineReportScenario;
import dev.weft.examples.iteration.SessionRegistry;
import dev.weft.examples.lazyinit.CheckoutScenario;
import dev.weft.examples.lazyinit.CurrencyConverter;
import dev.weft.examples.lazysingleton.AuditScenario;
import dev.weft.examples.lazysingleton.LazyAuditLogs;
import dev.weft.examples.lockorder.ImportAndRepriceScenario;
import dev.weft.examples.lockorder.ProductCatalog;
import dev.weft.examples.nestedmap.TenantMetrics;
import dev.weft.examples.nestedmap.TenantTrafficScenario;
import dev.weft.examples.plaincounter.HitScenario;
import dev.weft.examples.plaincounter.PlainHitCounter;
import dev.weft.examples.stopflag.PlainFlagPoller;
import dev.weft.examples.stopflag.ShutdownScenario;
import dev.weft.examples.synchronizedmap.AdminEndpointScenario;
import dev.weft.examples.synchronizedmap.ConnectionRegistry;
import dev.weft.examples.tokenbucket.RateLimiterScenario;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs the buggy version of every example through {@link Weft#explore} and prints each report,
 * then a summary table. Exits with 0 when every bug was found with the kind of failure expected.
 *
 * <p>Run: {@code mvn -B -q install -DskipTests && mvn -B -q -pl examples exec:exec}. The
 * exploration seed is fixed, so two runs print the same executions.
 */
public final class ShowBugs {
  private ShowBugs() {}

  /** Fixed so that the showcase prints the same thing every time. */
  static final long SEED = 20261123L;

  /** One buggy example: its name, the failure it must produce, and its scenario. */
  record Case(String name, Failure.Kind expected, Weft.Body body) {}

  static List<Case> cases() {
    return List.of(
        new Case("1 concurrent map writes", Failure.Kind.DATA_RACE,
            () -> PageViewScenario.twoRequestThreads(new PageViewCounter())),
        new Case("2 iteration during writes", Failure.Kind.DATA_RACE,
            () -> OnlineReportScenario.reportDuringLogins(new SessionRegistry())),
        new Case("3 informer cache", Failure.Kind.DATA_RACE,
            () -> InformerScenario.twoInformersAndStatusUpdater(new InformerCache())),
        new Case("4 gRPC metadata in context", Failure.Kind.DATA_RACE,
            () -> ConcurrentCallsScenario.twoConcurrentCalls(new TracingInterceptor())),
        new Case("5 config hot reload", Failure.Kind.DATA_RACE,
            () -> HotReloadScenario.readDuringReload(LiveConfig::new)),
        new Case("6 HashMap inside ConcurrentHashMap", Failure.Kind.DATA_RACE,
            () -> TenantTrafficScenario.twoRequestsOfOneTenant(new TenantMetrics())),
        new Case("7 check-then-act on ConcurrentHashMap", Failure.Kind.EXCEPTION,
            () -> PasswordGuessingScenario.guessesOnTwoConnections(new LoginThrottle())),
        new Case("8 lazy init, unsafe publication", Failure.Kind.DATA_RACE,
            () -> CheckoutScenario.firstTwoCheckouts(new CurrencyConverter())),
        new Case("9 synchronizedMap iterated unlocked", Failure.Kind.DATA_RACE,
            () -> AdminEndpointScenario.listWhileAccepting(new ConnectionRegistry())),
        new Case("10 read-write lock order inversion", Failure.Kind.DEADLOCK,
            () -> ImportAndRepriceScenario.importDuringRepricing(new ProductCatalog())),
        new Case("11 token bucket, check then set", Failure.Kind.NOT_LINEARIZABLE,
            () -> RateLimiterScenario.concurrentRequests(RateLimiterScenario::buggy)),
        new Case("12 plain int counter", Failure.Kind.DATA_RACE,
            () -> HitScenario.twoRequests(new PlainHitCounter())),
        new Case("13 lazy singleton, plain static", Failure.Kind.DATA_RACE,
            () -> AuditScenario.twoRequests(new LazyAuditLogs())),
        new Case("14 plain stop flag", Failure.Kind.DATA_RACE,
            () -> ShutdownScenario.stopTheWorker(new PlainFlagPoller())),
        new Case("15 SimpleDateFormat shared", Failure.Kind.DATA_RACE,
            () -> ConfirmationScenario.twoConfirmations(new OrderConfirmations())));
  }

  public static void main(String[] args) {
    Options options = Options.defaults().iterations(1000).seed(SEED)
        .timeLimit(Duration.ofSeconds(30));
    List<String> rows = new ArrayList<>();
    boolean allFound = true;
    for (Case c : cases()) {
      System.out.println("=== " + c.name() + " (expected: " + c.expected() + ") ===");
      Result result = Weft.explore(options, c.body());
      System.out.println(result.report());
      System.out.println();
      String found = result.failure().map(f -> f.kind().name()).orElse("nothing");
      boolean asExpected = found.equals(c.expected().name());
      allFound &= asExpected;
      rows.add(String.format("%-40s %-16s %-16s %10d%s", c.name(), c.expected(), found,
          result.executions(), asExpected ? "" : "   <-- not as expected"));
    }
    System.out.println(String.format("%-40s %-16s %-16s %10s", "case", "expected", "found",
        "executions"));
    rows.forEach(System.out::println);
    System.out.println(allFound ? "Every bug was found." : "Some bugs were not found.");
    System.exit(allFound ? 0 : 1);
  }
}

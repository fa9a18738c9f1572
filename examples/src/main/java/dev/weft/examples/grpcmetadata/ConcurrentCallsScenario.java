package dev.weft.examples.grpcmetadata;

import dev.weft.examples.Check;
import dev.weft.examples.Threads;
import java.util.HashMap;
import java.util.Map;

/** The workload of both interceptors: two calls of one method served at the same time. */
public final class ConcurrentCallsScenario {
  private ConcurrentCallsScenario() {}

  /** Each call's handler must see its own trace id, and the server's defaults. */
  public static void twoConcurrentCalls(ServerInterceptor interceptor)
      throws InterruptedException {
    Map<String, String> defaults = new HashMap<>();
    defaults.put("service", "checkout");
    CallContext root = CallContext.root("/shop.Checkout/PlaceOrder", defaults);
    Thread first = Threads.start("call-1", () -> serve(interceptor, root, "trace-a"));
    Thread second = Threads.start("call-2", () -> serve(interceptor, root, "trace-b"));
    Threads.joinAll(first, second);
  }

  private static void serve(ServerInterceptor interceptor, CallContext root, String traceId) {
    CallContext call = interceptor.interceptCall(root, traceId);
    Check.equal(traceId, call.metadata().get("trace-id"), "trace id the handler logs");
    Check.equal("checkout", call.metadata().get("service"), "service the handler logs");
  }
}

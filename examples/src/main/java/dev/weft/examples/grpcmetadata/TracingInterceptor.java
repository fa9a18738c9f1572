package dev.weft.examples.grpcmetadata;

import java.util.Map;

/**
 * Buggy: writes each call's trace id into the metadata map it finds in the context, the Java form
 * of the Go middleware that does {@code md := ctx.Value("metadata").(map[string]string)} and then
 * {@code md["trace_id"] = id}.
 *
 * <p>The context is immutable, but the map inside it is not, and every call starts from the same
 * server-wide context: all concurrent calls write one shared {@code HashMap} without any
 * synchronization. Besides corrupting the map, a handler can log the trace id of another call.
 * {@link TracingInterceptorFixed} is the fix.
 */
public final class TracingInterceptor implements ServerInterceptor {
  @Override
  public CallContext interceptCall(CallContext context, String traceId) {
    Map<String, String> metadata = context.metadata();
    metadata.put("trace-id", traceId);
    return context;
  }
}

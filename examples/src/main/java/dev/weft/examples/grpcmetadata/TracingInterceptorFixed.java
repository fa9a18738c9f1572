package dev.weft.examples.grpcmetadata;

import java.util.HashMap;
import java.util.Map;

/**
 * Fixed {@link TracingInterceptor}: each call gets a child context with its own copy of the
 * metadata, and the copy is immutable.
 *
 * <p>Copying makes the per-call value private to the call, the way {@code Context.withValue} is
 * meant to be used, so calls no longer share anything writable; the server-wide map is only ever
 * read after it was built, which {@code HashMap} allows from many threads. Freezing the copy with
 * {@code Map.copyOf} keeps a later interceptor or handler from repeating the bug on it.
 */
public final class TracingInterceptorFixed implements ServerInterceptor {
  @Override
  public CallContext interceptCall(CallContext context, String traceId) {
    Map<String, String> metadata = new HashMap<>(context.metadata());
    metadata.put("trace-id", traceId);
    return context.withMetadata(Map.copyOf(metadata));
  }
}

package dev.weft.examples.grpcmetadata;

/** A server interceptor: sees every call before its handler and returns the context to use. */
public interface ServerInterceptor {
  /** Attaches {@code traceId}, the trace of the incoming call, for the handler and its logs. */
  CallContext interceptCall(CallContext context, String traceId);
}

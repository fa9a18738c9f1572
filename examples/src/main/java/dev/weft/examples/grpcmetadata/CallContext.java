package dev.weft.examples.grpcmetadata;

import java.util.Map;

/**
 * The context a call carries through the interceptor chain to its handler, in the style of
 * {@code io.grpc.Context} or Go's {@code context.Context}: immutable, so deriving a child is the
 * only way to attach something to one call. The metadata map it holds is whatever the caller put
 * in: the context does not copy it, which is how a mutable map ends up shared by every call.
 */
public final class CallContext {
  private final String method;
  private final Map<String, String> metadata;

  private CallContext(String method, Map<String, String> metadata) {
    this.method = method;
    this.metadata = metadata;
  }

  /** The context the server starts every call of {@code method} from. */
  public static CallContext root(String method, Map<String, String> defaults) {
    return new CallContext(method, defaults);
  }

  /** A child context of this one that carries {@code newMetadata} instead. */
  public CallContext withMetadata(Map<String, String> newMetadata) {
    return new CallContext(method, newMetadata);
  }

  public String method() {
    return method;
  }

  public Map<String, String> metadata() {
    return metadata;
  }
}

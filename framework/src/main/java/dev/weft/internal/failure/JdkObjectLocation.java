package dev.weft.internal.failure;

import dev.weft.internal.agent.JdkObjectFamily;
import java.util.Objects;

/**
 * A JDK object that is not thread-safe and is no collection: a {@code SimpleDateFormat}, a
 * {@code Matcher}, a {@code ByteBuffer}, ... ({@link JdkObjectFamily}).
 *
 * @param object the instance
 * @param family what kind of object it is, which the report's words and fix depend on
 * @param type the type as the user names it ({@code SimpleDateFormat}, {@code ByteBuffer}, not
 *     {@code HeapByteBuffer})
 * @param createdAt the application line that created it, or null when unknown
 */
public record JdkObjectLocation(ObjectId object, JdkObjectFamily family, String type,
    StackTraceElement createdAt) implements Location {

  public JdkObjectLocation {
    Objects.requireNonNull(object, "object");
    Objects.requireNonNull(family, "family");
    Objects.requireNonNull(type, "type");
  }

  @Override
  public Object subject() {
    return object;
  }
}

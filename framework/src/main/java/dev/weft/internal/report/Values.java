package dev.weft.internal.report;

import dev.weft.internal.failure.ObjectId;
import dev.weft.internal.failure.Value;
import java.lang.reflect.Array;
import java.lang.reflect.RecordComponent;
import java.util.Collection;
import java.util.Iterator;
import java.util.Map;
import java.util.Optional;

/**
 * The one rendering of values (a key a race touched, what a call returned), short and without
 * running the program's code: values in full, JDK containers by their elements, records by their
 * components, any other object by its {@link Names#object identity}, because an arbitrary {@code
 * toString} may throw, block or print a whole object graph.
 */
final class Values {
  private Values() {}

  private static final int MAX_LENGTH = 40;
  private static final int MAX_ELEMENTS = 6;

  /** A value snapshot taken when the failure was found. */
  static String render(Value value) {
    return render(value.shown());
  }

  static String render(Object value) {
    String s = renderInner(value, 2);
    return s.length() <= MAX_LENGTH ? s : s.substring(0, MAX_LENGTH - 3) + "...";
  }

  private static String renderInner(Object value, int depth) {
    if (value == null) return "null";
    if (value instanceof ObjectId id) return Names.object(id);
    if (value instanceof CharSequence s) return '"' + oneLine(s.toString()) + '"';
    if (value instanceof Character c) return "'" + c + "'";
    if (value instanceof Number || value instanceof Boolean || value instanceof Enum<?>) {
      if (value.getClass().getName().startsWith("java.")) return String.valueOf(value);
      if (value instanceof Enum<?> e) return e.name();
    }
    if (depth == 0) return "...";
    if (value instanceof Optional<?> o) {
      return o.isPresent() ? "Optional[" + renderInner(o.get(), depth - 1) + "]" : "Optional.empty";
    }
    if (isJdk(value) && value instanceof Collection<?> c) {
      return elements(c.iterator(), "[", "]", depth);
    }
    if (isJdk(value) && value instanceof Map<?, ?> m) {
      return elements(m.entrySet().iterator(), "{", "}", depth);
    }
    if (value instanceof Map.Entry<?, ?> e && isJdk(value)) {
      return renderInner(e.getKey(), depth - 1) + "=" + renderInner(e.getValue(), depth - 1);
    }
    if (value.getClass().isArray()) {
      StringBuilder sb = new StringBuilder("[");
      int n = Array.getLength(value);
      for (int i = 0; i < Math.min(n, MAX_ELEMENTS); i++) {
        if (i > 0) sb.append(", ");
        sb.append(renderInner(Array.get(value, i), depth - 1));
      }
      return sb.append(n > MAX_ELEMENTS ? ", ...]" : "]").toString();
    }
    if (value.getClass().isRecord()) return record(value, depth);
    return Names.object(ObjectId.of(value));
  }

  private static String elements(Iterator<?> it, String open, String close, int depth) {
    StringBuilder sb = new StringBuilder(open);
    int shown = 0;
    while (it.hasNext()) {
      Object e = it.next();
      if (shown == MAX_ELEMENTS) return sb.append(", ...").append(close).toString();
      if (shown++ > 0) sb.append(", ");
      sb.append(renderInner(e, depth - 1));
    }
    return sb.append(close).toString();
  }

  private static String record(Object value, int depth) {
    StringBuilder sb = new StringBuilder(value.getClass().getSimpleName()).append('[');
    RecordComponent[] components = value.getClass().getRecordComponents();
    try {
      for (int i = 0; i < components.length; i++) {
        if (i > 0) sb.append(", ");
        var accessor = components[i].getAccessor();
        accessor.setAccessible(true);
        sb.append(components[i].getName()).append('=')
            .append(renderInner(accessor.invoke(value), depth - 1));
      }
    } catch (ReflectiveOperationException | RuntimeException e) {
      return Names.object(ObjectId.of(value));
    }
    return sb.append(']').toString();
  }

  private static boolean isJdk(Object value) {
    String name = value.getClass().getName();
    return name.startsWith("java.") || name.startsWith("javax.");
  }

  private static String oneLine(String s) {
    return s.replace('\n', ' ').replace('\r', ' ');
  }
}

package dev.weft.internal.runtime;

import dev.weft.Access;
import dev.weft.boot.Hooks;
import dev.weft.internal.agent.JdkObjectFamily;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.Modifier;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The runtime's side of the JDK objects of {@link JdkObjectFamily}: which instances are tracked
 * (a StringBuilder is, a StringBuffer, which shares its methods, is not), whether an operation
 * whose effect depends on the instance's state reads or writes it now, and how operations are
 * named in reports. Verdicts and names are cached per class; a call allocates nothing.
 */
final class JdkObjects {
  private JdkObjects() {}

  private static final Map<String, JdkObjectFamily> TRACKED = new HashMap<>();

  static {
    for (JdkObjectFamily family : JdkObjectFamily.values()) {
      for (String name : family.trackedClasses()) TRACKED.put(name, family);
    }
  }

  private static final ClassValue<JdkObjectFamily> FAMILY = new ClassValue<>() {
    @Override
    protected JdkObjectFamily computeValue(Class<?> type) {
      for (Class<?> c = type; c != null; c = c.getSuperclass()) {
        JdkObjectFamily family = TRACKED.get(c.getName());
        if (family != null) return family;
      }
      return null;
    }
  };

  /** The family of a tracked JDK object, or null when {@code instance} is not one. */
  static JdkObjectFamily familyOf(Object instance) {
    return FAMILY.get(instance.getClass());
  }

  /** What the operation does now; {@code declared} is the advice's {@code Hooks.OBJECT_*}. */
  static Access.Kind kind(Object instance, JdkObjectFamily family, int declared) {
    if (declared == Hooks.OBJECT_WRITE) return Access.Kind.WRITE;
    if (declared == Hooks.OBJECT_READ) return Access.Kind.READ;
    return writesNow(instance, family) ? Access.Kind.WRITE : Access.Kind.READ;
  }

  /**
   * A Calendar whose time or fields are out of date (after a {@code set}) recomputes them on
   * {@code get}; a MessageFormat formats and parses through the sub-formats it holds, which are
   * not thread-safe either (a ChoiceFormat only reads). Unknown state counts as a write: a state
   * Weft cannot read must not hide a race.
   */
  private static boolean writesNow(Object instance, JdkObjectFamily family) {
    try {
      if (family == JdkObjectFamily.CALENDAR) {
        return !(boolean) CALENDAR_TIME_SET.invokeExact(instance)
            || !(boolean) CALENDAR_FIELDS_SET.invokeExact(instance)
            || !(boolean) CALENDAR_ALL_FIELDS_SET.invokeExact(instance);
      }
      if (family == JdkObjectFamily.MESSAGE_FORMAT) {
        Object[] formats = (Object[]) MESSAGE_FORMATS.invokeExact(instance);
        int last = (int) MESSAGE_MAX_OFFSET.invokeExact(instance);
        for (int i = 0; i <= last && i < formats.length; i++) {
          if (formats[i] != null && !(formats[i] instanceof java.text.ChoiceFormat)) return true;
        }
        return false;
      }
    } catch (Throwable unreadable) {
      return true;
    }
    return true;
  }

  private static final MethodHandle CALENDAR_TIME_SET =
      getter(java.util.Calendar.class, "isTimeSet", boolean.class);
  private static final MethodHandle CALENDAR_FIELDS_SET =
      getter(java.util.Calendar.class, "areFieldsSet", boolean.class);
  private static final MethodHandle CALENDAR_ALL_FIELDS_SET =
      getter(java.util.Calendar.class, "areAllFieldsSet", boolean.class);
  private static final MethodHandle MESSAGE_FORMATS =
      getter(java.text.MessageFormat.class, "formats", Object[].class);
  private static final MethodHandle MESSAGE_MAX_OFFSET =
      getter(java.text.MessageFormat.class, "maxOffset", int.class);

  /**
   * A getter typed {@code (Object)type} for a private JDK field (the agent opens the packages to
   * Weft); one that cannot be made throws when called, which counts as a write.
   */
  private static MethodHandle getter(Class<?> owner, String field, Class<?> type) {
    MethodType wanted = MethodType.methodType(type, Object.class);
    try {
      return MethodHandles.privateLookupIn(owner, MethodHandles.lookup())
          .unreflectGetter(owner.getDeclaredField(field)).asType(wanted);
    } catch (ReflectiveOperationException | RuntimeException notAccessible) {
      MethodHandle fail = MethodHandles.throwException(type, IllegalStateException.class)
          .bindTo(new IllegalStateException(owner.getName() + "." + field + " is not readable"));
      return MethodHandles.dropArguments(fail, 0, Object.class);
    }
  }

  /**
   * {@code SimpleDateFormat.format}, {@code ByteBuffer.get}: the first public class up from the
   * instance's (not {@code HeapByteBuffer}, which the user never names), or for a buffer its
   * element type's class. Built once per class and method.
   */
  static String operationName(Class<?> type, String method) {
    ConcurrentHashMap<String, String> names = OPERATION_NAMES.get(type);
    String name = names.get(method);
    if (name == null) {
      name = PUBLIC_NAMES.get(type) + "." + method;
      names.putIfAbsent(method, name);
    }
    return name;
  }

  /** {@code SimpleDateFormat}, {@code ByteBuffer}: the type as the user names it. */
  static String typeName(Class<?> type) {
    return PUBLIC_NAMES.get(type);
  }

  private static final ClassValue<ConcurrentHashMap<String, String>> OPERATION_NAMES =
      new ClassValue<>() {
        @Override
        protected ConcurrentHashMap<String, String> computeValue(Class<?> type) {
          return new ConcurrentHashMap<>();
        }
      };

  private static final ClassValue<String> PUBLIC_NAMES = new ClassValue<>() {
    @Override
    protected String computeValue(Class<?> type) {
      if (java.nio.Buffer.class.isAssignableFrom(type)) {
        // The class right below Buffer: ByteBuffer for a DirectByteBuffer, not MappedByteBuffer.
        Class<?> c = type;
        while (c.getSuperclass() != java.nio.Buffer.class) c = c.getSuperclass();
        return c.getSimpleName();
      }
      Class<?> c = type;
      while (!Modifier.isPublic(c.getModifiers()) || c.getSimpleName().isEmpty()) {
        c = c.getSuperclass();
      }
      return c.getSimpleName();
    }
  };
}

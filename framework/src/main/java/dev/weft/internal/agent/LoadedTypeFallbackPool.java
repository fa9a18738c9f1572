package dev.weft.internal.agent;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.pool.TypePool;

/**
 * A type pool that, when no class file describes a type (a class generated at run time: a mock
 * proxy, a Groovy call site, a cglib class), describes it from the class already defined by the
 * transformed class's loader or its parents. It never loads a class: loading inside a transformer
 * would change the order in which the program loads classes, and a class loaded there is skipped
 * by ByteBuddy's circularity guard, so it would run uninstrumented. A type that is neither on
 * file nor loaded stays unresolved, and the questions asked about it get their cautious answer.
 */
final class LoadedTypeFallbackPool implements TypePool {
  private final TypePool files;
  private final ClassLoader loader;

  LoadedTypeFallbackPool(TypePool files, ClassLoader loader) {
    this.files = files;
    this.loader = loader;
  }

  @Override
  public Resolution describe(String name) {
    Resolution onFile = files.describe(name);
    boolean resolved;
    try {
      resolved = onFile.isResolved();
    } catch (RuntimeException unreadable) {
      resolved = false;
    }
    if (resolved) return onFile;
    Class<?> loaded = findLoaded(loader, name);
    return loaded == null ? onFile : new Resolution.Simple(TypeDescription.ForLoadedType.of(loaded));
  }

  @Override
  public void clear() {
    files.clear();
  }

  /** The class {@code name} as already defined through {@code loader} or a parent, or null. */
  static Class<?> findLoaded(ClassLoader loader, String name) {
    MethodHandle find = FindLoaded.HANDLE;
    if (find == null) return null;
    for (ClassLoader l = loader; l != null; l = l.getParent()) {
      try {
        Class<?> c = (Class<?>) find.invokeExact(l, name);
        if (c != null) return c;
      } catch (Throwable notFound) {
        return null;
      }
    }
    return null;
  }

  /** Resolved on first use: java.lang is opened to Weft only once the agent is installing. */
  private static final class FindLoaded {
    static final MethodHandle HANDLE = handle();

    private static MethodHandle handle() {
      try {
        return MethodHandles.privateLookupIn(ClassLoader.class, MethodHandles.lookup())
            .findVirtual(ClassLoader.class, "findLoadedClass",
                MethodType.methodType(Class.class, String.class));
      } catch (ReflectiveOperationException | RuntimeException notOpen) {
        return null;
      }
    }
  }
}

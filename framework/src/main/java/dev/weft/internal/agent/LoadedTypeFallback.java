package dev.weft.internal.agent;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import net.bytebuddy.agent.builder.AgentBuilder;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.dynamic.ClassFileLocator;
import net.bytebuddy.pool.TypePool;

/**
 * The type pools of Weft's transformations: types are read from class files, and a type that no
 * class file describes (a class generated at run time: a mock proxy, a Groovy call site, a cglib
 * class, and what they extend or take as parameters) is described from the class already defined
 * by the transformed class's loader or its parents. Nothing is ever loaded here: loading inside a
 * transformer would change the order in which the program loads classes, and a class loaded there
 * is skipped by ByteBuddy's circularity guard, so it would run uninstrumented. A type that is
 * neither on file nor loaded stays unresolved, and the questions asked about it get their cautious
 * answer.
 */
final class LoadedTypeFallback implements AgentBuilder.PoolStrategy {
  static final LoadedTypeFallback INSTANCE = new LoadedTypeFallback();

  private LoadedTypeFallback() {}

  @Override
  public TypePool typePool(ClassFileLocator classFileLocator, ClassLoader classLoader) {
    return new Pool(classFileLocator, classLoader);
  }

  @Override
  public TypePool typePool(ClassFileLocator classFileLocator, ClassLoader classLoader,
      String name) {
    return new Pool(classFileLocator, classLoader);
  }

  /** Lazy, as ByteBuddy's default: a type is read only when a question needs it. */
  private static final class Pool extends TypePool.Default.WithLazyResolution {
    private final ClassLoader loader;

    Pool(ClassFileLocator locator, ClassLoader loader) {
      super(new ResolvedOnly(), locator, TypePool.Default.ReaderMode.FAST);
      this.loader = loader;
    }

    @Override
    protected Resolution doResolve(String name) {
      Resolution onFile = super.doResolve(name);
      if (onFile.isResolved()) return onFile;
      Class<?> loaded = findLoaded(loader, name);
      return loaded == null ? onFile
          : new Resolution.Simple(TypeDescription.ForLoadedType.of(loaded));
    }
  }

  /**
   * Caches what was found, not what was missing: a miss on file is asked again of the loaded
   * classes, and a class generated meanwhile can be found the next time.
   */
  private static final class ResolvedOnly implements TypePool.CacheProvider {
    private final java.util.concurrent.ConcurrentHashMap<String, TypePool.Resolution> found =
        new java.util.concurrent.ConcurrentHashMap<>();

    @Override
    public TypePool.Resolution find(String name) {
      return found.get(name);
    }

    @Override
    public TypePool.Resolution register(String name, TypePool.Resolution resolution) {
      if (!resolution.isResolved()) return resolution;
      TypePool.Resolution known = found.putIfAbsent(name, resolution);
      return known == null ? resolution : known;
    }

    @Override
    public void clear() {
      found.clear();
    }
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

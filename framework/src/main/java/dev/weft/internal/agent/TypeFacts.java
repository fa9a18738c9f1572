package dev.weft.internal.agent;

import java.util.concurrent.ConcurrentHashMap;
import net.bytebuddy.description.field.FieldDescription;
import net.bytebuddy.description.method.MethodDescription;
import net.bytebuddy.description.type.TypeDefinition;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.pool.TypePool;

/**
 * Answers questions about classes referenced by bytecode being transformed, from class files
 * (through a {@link TypePool}), without loading the classes: whether a type is a {@code Thread}
 * or a lock, and (for {@link FieldFacts}) how a type is declared.
 */
final class TypeFacts {
  private final TypePool pool;
  private final ConcurrentHashMap<String, Boolean> cache;

  TypeFacts(TypePool pool, ConcurrentHashMap<String, Boolean> cache) {
    this.pool = pool;
    this.cache = cache;
  }

  /**
   * Whether the class being transformed may be a {@code Thread}. A class generated at run time can
   * extend another generated class that no class file describes; then the answer is yes, because
   * what depends on it (advice on {@code run()} that lets a new thread check in) does nothing
   * in a class that is not a thread, while a missed thread would run uncontrolled.
   */
  static boolean mayBeThread(TypeDescription type) {
    try {
      return type.isAssignableTo(Thread.class);
    } catch (RuntimeException unresolvable) {
      return true;
    }
  }

  boolean isThread(String ownerInternalName) {
    if (ownerInternalName.equals("java/lang/Thread")) return true;
    if (ownerInternalName.startsWith("java/") || ownerInternalName.startsWith("[")) return false;
    return cache.computeIfAbsent("T" + ownerInternalName, k -> resolveThread(ownerInternalName));
  }

  /**
   * Whether calls on {@code ownerInternalName} reach a {@code java.util.concurrent.locks.Lock}:
   * the interface, its JDK implementations, or an application class or interface extending them.
   */
  boolean isLock(String ownerInternalName) {
    switch (ownerInternalName) {
      case "java/util/concurrent/locks/Lock":
      case "java/util/concurrent/locks/ReentrantLock":
      case "java/util/concurrent/locks/ReentrantReadWriteLock$ReadLock":
      case "java/util/concurrent/locks/ReentrantReadWriteLock$WriteLock":
        return true;
      default:
        return isApplicationSubtype(ownerInternalName, java.util.concurrent.locks.Lock.class);
    }
  }

  /** Whether {@code ownerInternalName} is {@code StampedLock} or an application subclass of it. */
  boolean isStampedLock(String ownerInternalName) {
    return ownerInternalName.equals("java/util/concurrent/locks/StampedLock")
        || isApplicationSubtype(ownerInternalName, java.util.concurrent.locks.StampedLock.class);
  }

  /**
   * Whether the JDK type {@code owner} extends one of {@code declaring} (a {@code Stack} is a
   * {@code Vector}), read from class files: the answer must not depend on what is loaded.
   */
  boolean isJdkSubtypeOfAny(String owner, java.util.List<String> declaring) {
    return cache.computeIfAbsent("J" + owner + declaring, k -> {
      TypeDescription type = describe(owner);
      if (type == null) return false;
      try {
        for (TypeDefinition t = type; t != null; t = t.getSuperClass()) {
          if (declaring.contains(t.asErasure().getInternalName())) return true;
        }
      } catch (RuntimeException unresolvable) {
        // A JDK class file that cannot be read: no helper.
      }
      return false;
    });
  }

  /**
   * Whether {@code super.name descriptor} (an {@code invokespecial} on {@code owner}, the direct
   * superclass) runs a synchronized method declared by a JDK class: the first declaration up the
   * chain decides. One declared by an application class models its own monitor when it is
   * transformed, so it answers no.
   */
  boolean superCallReachesSynchronizedJdkMethod(String owner, String name, String descriptor) {
    return cache.computeIfAbsent("S" + owner + '.' + name + descriptor, k -> {
      TypeDescription type = describe(owner);
      try {
        for (TypeDefinition t = type; t != null; t = t.getSuperClass()) {
          for (MethodDescription.InDefinedShape m : t.asErasure().getDeclaredMethods()) {
            if (m.getInternalName().equals(name) && m.getDescriptor().equals(descriptor)) {
              String declaring = t.asErasure().getName();
              return m.isSynchronized() && !m.isStatic() && !m.isAbstract()
                  && !InstrumentationScope.isApplicationClass(declaring);
            }
          }
        }
      } catch (RuntimeException unresolvable) {
        // Treated as plain: no monitor is modelled.
      }
      return false;
    });
  }

  TypeDescription describe(String internalName) {
    try {
      TypePool.Resolution r = pool.describe(internalName.replace('/', '.'));
      return r.isResolved() ? r.resolve() : null;
    } catch (RuntimeException unresolvable) {
      return null;
    }
  }

  private boolean isApplicationSubtype(String ownerInternalName, Class<?> supertype) {
    if (ownerInternalName.startsWith("java/") || ownerInternalName.startsWith("jdk/")
        || ownerInternalName.startsWith("[")) {
      return false;
    }
    return cache.computeIfAbsent(supertype.getSimpleName() + ":" + ownerInternalName,
        k -> resolveAssignable(ownerInternalName, supertype));
  }

  private Boolean resolveAssignable(String owner, Class<?> supertype) {
    try {
      TypePool.Resolution r = pool.describe(owner.replace('/', '.'));
      return r.isResolved() && r.resolve().isAssignableTo(supertype);
    } catch (RuntimeException unresolvable) {
      return false;
    }
  }

  private Boolean resolveThread(String owner) {
    try {
      TypePool.Resolution r = pool.describe(owner.replace('/', '.'));
      if (!r.isResolved()) return false;
      TypeDescription type = r.resolve();
      return type.isAssignableTo(Thread.class);
    } catch (RuntimeException unresolvable) {
      return false;
    }
  }
}

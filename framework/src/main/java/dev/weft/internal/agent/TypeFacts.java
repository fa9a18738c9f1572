package dev.weft.internal.agent;

import java.util.concurrent.ConcurrentHashMap;
import net.bytebuddy.description.field.FieldDescription;
import net.bytebuddy.description.type.TypeDefinition;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.pool.TypePool;

/**
 * Answers questions about classes referenced by bytecode being transformed, from class files
 * (through a {@link TypePool}), without loading the classes: whether a field is volatile and
 * whether a type is a {@code Thread}.
 */
final class TypeFacts {
  private final TypePool pool;
  private final ConcurrentHashMap<String, Boolean> cache;

  TypeFacts(TypePool pool, ConcurrentHashMap<String, Boolean> cache) {
    this.pool = pool;
    this.cache = cache;
  }

  boolean isVolatileField(String ownerInternalName, String field) {
    if (ownerInternalName.startsWith("java/") || ownerInternalName.startsWith("jdk/")) {
      return false;
    }
    return cache.computeIfAbsent("V" + ownerInternalName + '.' + field,
        k -> resolveVolatile(ownerInternalName, field));
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

  private Boolean resolveVolatile(String owner, String field) {
    try {
      TypePool.Resolution r = pool.describe(owner.replace('/', '.'));
      if (!r.isResolved()) return false;
      TypeDefinition type = r.resolve();
      while (type != null) {
        for (FieldDescription.InDefinedShape f : type.asErasure().getDeclaredFields()) {
          if (f.getName().equals(field)) return f.isVolatile();
        }
        type = type.getSuperClass();
      }
    } catch (RuntimeException unresolvable) {
      // Missing dependency classes: treat the field as plain rather than fail the transformation.
    }
    return false;
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

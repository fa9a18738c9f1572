package dev.weft.internal.agent;

import java.util.concurrent.ConcurrentHashMap;
import net.bytebuddy.description.annotation.AnnotationDescription;
import net.bytebuddy.description.field.FieldDescription;
import net.bytebuddy.description.type.TypeDefinition;
import net.bytebuddy.description.type.TypeDescription;

/**
 * What the rewriter knows about a field an instruction names: the class that declares it (a
 * field reached through a subclass, {@code Sub.count} for {@code Base.count}, is one field and
 * one location), whether it is static, final or volatile, and whether it is marked as a benign
 * race. Read from class files, never by loading a class.
 *
 * @param id the field's id in the {@link SiteRegistry}, shared by every class that accesses it
 */
record FieldFacts(int id, boolean isStatic, boolean isFinal, boolean isVolatile) {

  /** The simple name of the annotations that mark a benign race (Weft's own, or the user's). */
  static final String BENIGN_RACE = "BenignRace";

  /** Fields of classes loaded from their class files, by {@code owner.name}; empty: unresolvable. */
  private static final ConcurrentHashMap<String, java.util.Optional<FieldFacts>> CACHE =
      new ConcurrentHashMap<>();

  /** A plain field: the race detector tracks it. */
  boolean isTracked() {
    return !isFinal && !isVolatile;
  }

  /**
   * The field {@code name} as seen from {@code ownerInternalName}, or null when its declaration
   * cannot be read (then nothing is assumed about it: it is neither tracked nor volatile).
   */
  static FieldFacts resolve(TypeFacts types, String ownerInternalName, String name) {
    if (ownerInternalName.startsWith("[")) return null;
    return CACHE.computeIfAbsent(ownerInternalName + '.' + name,
        k -> java.util.Optional.ofNullable(lookUp(types, ownerInternalName, name))).orElse(null);
  }

  /** For the class being transformed: its own declaration, as ByteBuddy gives it. */
  static FieldFacts of(String declaringInternalName, FieldDescription.InDefinedShape field) {
    return CACHE.computeIfAbsent(declaringInternalName + '.' + field.getName(),
        k -> java.util.Optional.of(register(declaringInternalName, field))).orElse(null);
  }

  private static FieldFacts lookUp(TypeFacts types, String owner, String name) {
    TypeDescription type = types.describe(owner);
    // A type described from its loaded class would read its fields by reflection, which loads
    // their types: not inside a transformation.
    if (type == null || type instanceof TypeDescription.ForLoadedType) return null;
    try {
      for (TypeDefinition t = type; t != null; t = t.getSuperClass()) {
        TypeDescription declaring = t.asErasure();
        if (declaring instanceof TypeDescription.ForLoadedType) return null;
        for (FieldDescription.InDefinedShape f : declaring.getDeclaredFields()) {
          if (f.getName().equals(name)) return register(declaring.getInternalName(), f);
        }
      }
    } catch (RuntimeException unresolvable) {
      // A supertype without a class file.
    }
    // Not in the class chain: an interface's constant (final), or a class file that cannot be
    // read. Either way nothing to track.
    return null;
  }

  private static FieldFacts register(String declaringInternalName,
      FieldDescription.InDefinedShape f) {
    int id = FieldIds.of(declaringInternalName, f.getName(), f.getDescriptor(), f.isStatic(),
        isMarkedBenign(f));
    return new FieldFacts(id, f.isStatic(), f.isFinal(), f.isVolatile());
  }

  /** Any annotation named {@code BenignRace}, so that production code needs no Weft dependency. */
  private static boolean isMarkedBenign(FieldDescription.InDefinedShape f) {
    try {
      for (AnnotationDescription a : f.getDeclaredAnnotations()) {
        if (a.getAnnotationType().getSimpleName().equals(BENIGN_RACE)) return true;
      }
    } catch (RuntimeException unreadable) {
      // An annotation type that cannot be described: not one of ours.
    }
    return false;
  }
}

package dev.weft.internal.failure;

import java.util.Objects;

/** A field as one synchronization object for all its instances: a volatile field's steps. */
public record FieldId(String qualifiedName) {

  public FieldId {
    Objects.requireNonNull(qualifiedName, "qualifiedName");
  }
}

package dev.weft.internal.runtime;

import dev.weft.boot.FieldHooks;

/**
 * Plain fields and array elements of application code, to the {@link FieldRaces} of the running
 * execution. Called on every such access of every thread of the JVM: it only reads which
 * detector is active, and the detector decides in a few comparisons whether the access is one of
 * a controlled thread that needs a look.
 */
final class FieldHookHandler implements FieldHooks {
  /** The detector of the running execution; null between executions or when detection is off. */
  private static volatile FieldRaces active;

  /** One exploration runs at a time per JVM, so one detector is active at a time. */
  static void activate(FieldRaces races) {
    active = races;
  }

  @Override
  public void fieldRead(Object holder, int field, int site) {
    FieldRaces races = active;
    if (races != null) races.fieldAccess(holder, field, false, 0L, null, site);
  }

  @Override
  public void fieldWritten(Object holder, int field, long bits, Object reference, int site) {
    FieldRaces races = active;
    if (races != null) races.fieldAccess(holder, field, true, bits, reference, site);
  }

  @Override
  public void elementRead(Object array, int index, int site) {
    FieldRaces races = active;
    if (races != null) races.elementAccess(array, index, false, 0L, null, site);
  }

  @Override
  public void elementWritten(Object array, int index, long bits, Object reference, int site) {
    FieldRaces races = active;
    if (races != null) races.elementAccess(array, index, true, bits, reference, site);
  }

  @Override
  public void created(Object object, int site) {
    FieldRaces races = active;
    if (races != null) races.created(object, site);
  }
}

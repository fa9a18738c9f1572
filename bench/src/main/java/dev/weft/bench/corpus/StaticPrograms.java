package dev.weft.bench.corpus;

import dev.weft.Failure;

/**
 * A lazy static singleton checked then built without a lock ({@code volatile} makes the field
 * safe to publish, not the check-then-act): two threads may both see no instance and build one
 * each. The state is static, so a plain loop in one JVM can show the bug only in its first run,
 * and so could Weft if it did not reset static fields between executions. The fixed form builds
 * the instance under the class's monitor.
 */
final class StaticPrograms {
  private StaticPrograms() {}

  /** The buggy singleton. */
  static final class Registry {
    static volatile Registry instance;
    static volatile int constructions;

    Registry() {
      constructions = constructions + 1;
    }

    static Registry get() {
      if (instance == null) instance = new Registry();
      return instance;
    }
  }

  /** The fixed one. */
  static final class LockedRegistry {
    static volatile LockedRegistry instance;
    static volatile int constructions;

    LockedRegistry() {
      constructions = constructions + 1;
    }

    static synchronized LockedRegistry get() {
      if (instance == null) instance = new LockedRegistry();
      return instance;
    }
  }

  static CorpusProgram lazySingleton(boolean buggy) {
    return new CorpusProgram(buggy ? "static-singleton" : "static-singleton-fixed",
        "application code: a lazy static singleton (static state kept between runs)",
        buggy ? Failure.Kind.EXCEPTION : null, () -> {
          Object[] got = new Object[2];
          Thread other = new Thread(() -> got[1] = buggy ? Registry.get() : LockedRegistry.get());
          other.start();
          got[0] = buggy ? Registry.get() : LockedRegistry.get();
          other.join();
          int built = buggy ? Registry.constructions : LockedRegistry.constructions;
          if (got[0] != got[1] || built != 1) {
            throw new AssertionError("two singletons: " + built + " constructions");
          }
          return built;
        }, built -> false);
  }
}

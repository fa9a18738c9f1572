package dev.weft.internal;

/**
 * Where a program of the differential tests records its final result: a class Weft does not
 * instrument (it is in {@code dev.weft.internal}), holding a plain string, so recording adds no
 * scheduling point and no tracked access.
 */
public final class Outcomes {
  private Outcomes() {}

  private static volatile String recorded = "";

  /** The program's result in this execution; the last call counts. */
  public static void record(String result) {
    recorded = result;
  }

  static String take() {
    String r = recorded;
    recorded = "";
    return r;
  }
}

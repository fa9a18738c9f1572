package dev.weft.internal.linearizability;

/**
 * How a scenario is drawn from the execution's recorded choices, laid out so that the schedule
 * shrinker's edits make scenarios smaller.
 *
 * <p>Each thread has {@code operationsPerThread} call slots and draws each one just before it
 * would make the call, so the choice sits in the schedule among that thread's own steps. A slot
 * is one choice {@code v} in {@code [0, callBound())}: {@code 0} means "no call in this slot",
 * any other value makes operation {@code (v - 1) % operations}. So every edit the shrinker makes
 * removes calls: setting a choice to 0 removes exactly that call, cutting the schedule off makes
 * lenient replay answer 0 to every later slot, and deleting a stretch of a thread deletes the
 * calls drawn there. Exploration still draws full scenarios: the bound spreads the operations
 * over almost all of the two-byte token range, so an empty slot is drawn once in about 16,000.
 * An argument is a second choice {@code a} in {@code [0, range)}, giving {@code min + a}: a
 * choice set to 0 or dropped gives the smallest argument.
 */
final class ScenarioEncoding {
  /** Choices below this take at most two bytes in a replay token (varints of 7 bits each). */
  static final int TWO_BYTE_LIMIT = 1 << 14;

  private final int operations;
  private final int callBound;

  ScenarioEncoding(int operations) {
    if (operations < 1) throw new IllegalArgumentException("no operations");
    this.operations = operations;
    int spread = Math.max(1, (TWO_BYTE_LIMIT - 1) / operations);
    this.callBound = 1 + operations * spread;
  }

  /** The bound of the choice that draws a call. */
  int callBound() {
    return callBound;
  }

  /** Whether the drawn choice leaves its slot without a call. */
  static boolean isEmptySlot(int choice) {
    return choice == 0;
  }

  /** The operation index that a (non-empty) choice picks. */
  int operation(int choice) {
    if (choice <= 0 || choice >= callBound) {
      throw new IllegalArgumentException("not a call choice: " + choice);
    }
    return (choice - 1) % operations;
  }
}

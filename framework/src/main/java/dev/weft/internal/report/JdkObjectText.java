package dev.weft.internal.report;

import dev.weft.Access;
import dev.weft.internal.agent.JdkObjectFamily;
import dev.weft.internal.failure.CollectionLocation;
import dev.weft.internal.failure.DataRace;
import dev.weft.internal.failure.JdkObjectLocation;
import dev.weft.internal.failure.RacyAccess;
import java.util.Set;

/**
 * The words of a race on a JDK object that is not thread-safe ({@link JdkObjectLocation}), or on
 * a LinkedHashMap in access order, whose {@code get} is a write: what goes wrong when two threads
 * share one, why an operation that sounds like a read writes, and a fix that fits the object (a
 * {@code DateTimeFormatter} for a {@code SimpleDateFormat}, a {@code Matcher} per use of a shared
 * {@code Pattern}, a {@code duplicate()} of a buffer). The rest of the report is {@link
 * RaceText}'s and {@link RaceAdvice}'s.
 */
final class JdkObjectText {
  private JdkObjectText() {}

  /** Whether the race has words here: a JDK object, or an access-ordered map read by a get. */
  static boolean applies(DataRace race) {
    return race.location() instanceof JdkObjectLocation
        || (race.location() instanceof CollectionLocation c && c.accessOrdered()
            && hiddenWrite(race) != null);
  }

  /** Whether the race is on a JDK object, which is no map: no Go map messages. */
  static boolean isJdkObject(DataRace race) {
    return race.location() instanceof JdkObjectLocation;
  }

  /** The family of the JDK object, or null for an access-ordered LinkedHashMap. */
  private static JdkObjectFamily family(DataRace race) {
    return race.location() instanceof JdkObjectLocation j ? j.family() : null;
  }

  private static String type(DataRace race) {
    return race.location() instanceof JdkObjectLocation j ? j.type() : "LinkedHashMap";
  }

  /** The write of the pair whose name says read (format, find, a relative get), or null. */
  private static RacyAccess hiddenWrite(DataRace race) {
    JdkObjectFamily family = family(race);
    for (RacyAccess access : new RacyAccess[] {race.then(), race.first()}) {
      if (!access.write()) continue;
      String method = method(access);
      if (family == null ? method.equals("get") || method.equals("getOrDefault")
          : looksLikeARead(family, method)) {
        return access;
      }
    }
    return null;
  }

  /** {@code format} of {@code SimpleDateFormat.format}. */
  private static String method(RacyAccess access) {
    String op = access.operation();
    return op.substring(op.lastIndexOf('.') + 1);
  }

  private static final Set<String> FORMATTING = Set.of("format", "formatToCharacterIterator",
      "parse", "parseObject");
  private static final Set<String> CALENDAR_COMPLETING = Set.of("get", "getTime",
      "getTimeInMillis", "toInstant", "getDisplayName", "getDisplayNames", "getWeekYear",
      "getWeeksInWeekYear", "toZonedDateTime");
  private static final Set<String> MATCHING = Set.of("find", "matches", "lookingAt", "results",
      "replaceAll", "replaceFirst");

  /** Whether {@code method}, a write of {@code family}, has a name that suggests it only reads. */
  private static boolean looksLikeARead(JdkObjectFamily family, String method) {
    switch (family) {
      case DATE_FORMAT:
      case NUMBER_FORMAT:
      case MESSAGE_FORMAT:
        return FORMATTING.contains(method);
      case CALENDAR:
        return CALENDAR_COMPLETING.contains(method);
      case MATCHER:
        return MATCHING.contains(method);
      case BUFFER:
        return method.startsWith("get");
      case SPLITTABLE_RANDOM:
        return true;
      case MESSAGE_DIGEST:
        return method.equals("digest");
      case MAC:
        return method.equals("doFinal");
      default:
        return false;
    }
  }

  /** The verb of an access in the report: JDK objects have no structure to change. */
  static String verb(Access.Kind kind) {
    return kind.isWrite() ? "writes" : "reads";
  }

  /** What sharing the object does, after the race's classification. */
  static String effect(DataRace race) {
    JdkObjectFamily family = family(race);
    if (family == null) {
      return " An access-ordered LinkedHashMap relinks the entry it returns on every get, so"
          + " two threads reading it can break its links: lost entries, or a loop that spins.";
    }
    switch (family) {
      case DATE_FORMAT:
        return " A SimpleDateFormat keeps the date it formats or parses in its own Calendar, so"
            + " two threads overwrite each other's fields: wrong dates, or exceptions such as"
            + " NumberFormatException from parse.";
      case NUMBER_FORMAT:
        return " A " + type(race) + " formats and parses through its own digit list and"
            + " buffers, so two threads mix each other's digits: wrong numbers, or exceptions.";
      case MESSAGE_FORMAT:
        return " A MessageFormat formats through the sub-formats it holds (a DecimalFormat for"
            + " {0,number}, a SimpleDateFormat for {0,date}), which two threads corrupt.";
      case CALENDAR:
        return " A Calendar keeps its time and its fields in one object and recomputes one from"
            + " the other, so two threads see each other's half-done updates: wrong dates.";
      case MATCHER:
        return " A Matcher holds the state of one match (position, groups, region), so two"
            + " threads get each other's groups, or IllegalStateException.";
      case STRING_BUILDER:
        return " A StringBuilder copies into its array and then moves its length, so two"
            + " threads lose or interleave characters, or throw while it grows.";
      case FORMATTER:
        return " A Formatter appends to one destination, so two threads interleave their"
            + " output.";
      case MESSAGE_DIGEST:
      case MAC:
        return " A " + type(race) + " accumulates every update into one running state, so two"
            + " threads mix their inputs and both get a wrong result, with no error.";
      case CIPHER:
        return " A Cipher keeps its mode, key, IV and buffered input between calls, so two"
            + " threads get each other's half-processed blocks: wrong output or an exception.";
      case BUFFER:
        return " A buffer's relative gets and puts read and move one position, so two threads"
            + " skip or repeat elements, or overflow it.";
      case SPLITTABLE_RANDOM:
        return " A SplittableRandom advances one seed without synchronization, so two threads"
            + " can draw the same values.";
      default:
        return "";
    }
  }

  /** Why the write that sounds like a read is a write, after the Why line; or empty. */
  static String whyItWrites(DataRace race) {
    RacyAccess write = hiddenWrite(race);
    if (write == null) return "";
    String op = write.operation();
    JdkObjectFamily family = family(race);
    if (family == null) {
      return " " + op + " on a map built with accessOrder = true moves the entry to the end of"
          + " the order (that is what makes it an LRU cache): a structural write, so two"
          + " readers race.";
    }
    switch (family) {
      case DATE_FORMAT:
        return " " + op + " writes: it sets the date into the formatter's own Calendar.";
      case NUMBER_FORMAT:
        return " " + op + " writes: it works in the format's own digit list.";
      case MESSAGE_FORMAT:
        return " " + op + " writes: it goes through the sub-formats this MessageFormat holds.";
      case CALENDAR:
        return " " + op + " writes: after a set() it recomputes the calendar's time and fields.";
      case MATCHER:
        return " " + op + " writes: it moves the matcher to its next match.";
      case BUFFER:
        return " " + op + " is a relative get, which moves the position: a write (an absolute"
            + " get(index) only reads).";
      case SPLITTABLE_RANDOM:
        return " " + op + " writes: it advances the generator's seed.";
      case MESSAGE_DIGEST:
        return " " + op + " writes: it finishes the computation and resets the digest.";
      case MAC:
        return " " + op + " writes: it finishes the computation and resets the Mac.";
      default:
        return "";
    }
  }

  /** A fix that fits the object; {@code lockHint} says what to change about the locks taken. */
  static String fix(DataRace race, String lockHint) {
    String confined = confined(race);
    if (family(race) == null) return confined + lockHint;
    if (!race.first().locksHeld().isEmpty() || !race.then().locksHeld().isEmpty()) {
      return "guard every use of this " + type(race) + " with the same lock, or better, "
          + confined + lockHint;
    }
    return confined;
  }

  /** The fix without locks: each thread its own instance, or an immutable replacement. */
  private static String confined(DataRace race) {
    JdkObjectFamily family = family(race);
    if (family == null) {
      return "guard every access to this LinkedHashMap, get included, with the same lock"
          + " (Collections.synchronizedMap around it, or synchronized methods of the cache): in"
          + " access order every get writes.";
    }
    switch (family) {
      case DATE_FORMAT:
        return "use java.time's DateTimeFormatter, which is immutable and thread-safe (one"
            + " DateTimeFormatter.ofPattern(...) in a static final field), or confine the"
            + " SimpleDateFormat to one thread: a new instance per call, or one per thread with"
            + " ThreadLocal.withInitial(() -> new SimpleDateFormat(pattern)).";
      case NUMBER_FORMAT:
        return "confine the format to one thread: a new instance per call (NumberFormat"
            + ".getInstance(locale) is cheap), or one per thread with ThreadLocal.withInitial(...).";
      case MESSAGE_FORMAT:
        return "confine it to one thread: a new instance per call (MessageFormat.format(pattern,"
            + " args) makes one), or one per thread with ThreadLocal.withInitial(() -> new"
            + " MessageFormat(pattern)).";
      case CALENDAR:
        return "use java.time's immutable types (Instant, LocalDate, ZonedDateTime) instead, or"
            + " confine the Calendar to one thread: a new Calendar.getInstance() per call, or one"
            + " per thread in a ThreadLocal.";
      case MATCHER:
        return "share the compiled Pattern, which is thread-safe, and make a new Matcher per"
            + " use: pattern.matcher(input) is cheap.";
      case STRING_BUILDER:
        return "confine each StringBuilder to one thread: let each thread build its own part"
            + " and join the parts after join(); StringBuffer would only make each call atomic,"
            + " not a sequence of appends.";
      case FORMATTER:
        return "make a new Formatter per use (String.format does), or one per thread with"
            + " ThreadLocal.withInitial(...).";
      case MESSAGE_DIGEST:
        return "make a new MessageDigest per use (MessageDigest.getInstance is cheap), or one"
            + " per thread with ThreadLocal.withInitial(...); clone() a prepared prototype if"
            + " setting one up is costly.";
      case CIPHER:
        return "give each thread its own Cipher: a new instance per operation (getInstance and"
            + " init), or one per thread with ThreadLocal.withInitial(...).";
      case MAC:
        return "make a new Mac per use (getInstance and init, or clone() of an initialized"
            + " prototype), or one per thread with ThreadLocal.withInitial(...).";
      case BUFFER:
        return "give each thread its own position: buffer.duplicate() (or slice()) shares the"
            + " content with a position and limit of its own; read shared content with absolute"
            + " get(index).";
      case SPLITTABLE_RANDOM:
        return "split() the generator once for each thread before starting it, and let each"
            + " thread use its own; or call ThreadLocalRandom.current() in each thread.";
      default:
        return "confine the object to one thread: a new instance per call, or one per thread"
            + " with ThreadLocal.withInitial(...).";
    }
  }
}

package dev.weft.internal.agent;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The JDK classes besides collections that are not safe for concurrent use and are shared by
 * mistake (a {@code static SimpleDateFormat}, a {@code Matcher} kept in a field, a {@code
 * ByteBuffer} handed to two threads), grouped by what they are: the race report's advice depends
 * on it. Each family says which classes the race detector tracks (their instances, and
 * application subclasses of them), which classes carry the advice (the tracked classes and the
 * bases whose public methods run on them), and how each public operation touches the instance:
 * {@link #classify}. Names checked against JDK 17 and 25 ({@code JdkObjectClassificationTest}).
 */
public enum JdkObjectFamily {
  DATE_FORMAT(List.of("java.text.SimpleDateFormat"),
      List.of("java.text.DateFormat", "java.text.SimpleDateFormat"),
      // format and parse work in the formatter's own Calendar (and parse in its NumberFormat).
      Set.of("format", "formatToCharacterIterator", "parse", "parseObject", "applyPattern",
          "applyLocalizedPattern", "set2DigitYearStart", "setDateFormatSymbols", "setCalendar",
          "setNumberFormat", "setTimeZone", "setLenient"),
      Set.of(),
      Set.of("toPattern", "toLocalizedPattern", "get2DigitYearStart", "getDateFormatSymbols",
          "getCalendar", "getNumberFormat", "getTimeZone", "isLenient", "equals", "hashCode",
          "clone", "toString")),
  NUMBER_FORMAT(List.of("java.text.DecimalFormat", "java.text.CompactNumberFormat"),
      List.of("java.text.NumberFormat", "java.text.DecimalFormat",
          "java.text.CompactNumberFormat"),
      // format fills the instance's digit list and fast-path buffers; parse its digit list.
      Set.of("format", "formatToCharacterIterator", "parse", "parseObject", "applyPattern",
          "applyLocalizedPattern", "setCurrency", "setDecimalFormatSymbols",
          "setDecimalSeparatorAlwaysShown", "setGroupingSize", "setGroupingUsed",
          "setMaximumFractionDigits", "setMaximumIntegerDigits", "setMinimumFractionDigits",
          "setMinimumIntegerDigits", "setMultiplier", "setNegativePrefix", "setNegativeSuffix",
          "setParseBigDecimal", "setParseIntegerOnly", "setPositivePrefix", "setPositiveSuffix",
          "setRoundingMode", "setStrict"),
      Set.of(),
      Set.of("toPattern", "toLocalizedPattern", "getCurrency", "getDecimalFormatSymbols",
          "getGroupingSize", "getMaximumFractionDigits", "getMaximumIntegerDigits",
          "getMinimumFractionDigits", "getMinimumIntegerDigits", "getMultiplier",
          "getNegativePrefix", "getNegativeSuffix", "getPositivePrefix", "getPositiveSuffix",
          "getRoundingMode", "isDecimalSeparatorAlwaysShown", "isGroupingUsed",
          "isParseBigDecimal", "isParseIntegerOnly", "isStrict", "equals", "hashCode", "clone",
          "toString")),
  // Format itself too, for every family of java.text: from JDK 23 on its final format(Object)
  // goes to a package-private overload, never through a public method of the subclass. Its
  // operations classify as MessageFormat's; the runtime decides by the instance's family.
  MESSAGE_FORMAT(List.of("java.text.MessageFormat"),
      List.of("java.text.Format", "java.text.MessageFormat"),
      Set.of("applyPattern", "setFormat", "setFormats", "setFormatByArgumentIndex",
          "setFormatsByArgumentIndex", "setLocale"),
      // Formatting and parsing go through the sub-formats ({0,number,#.##}, {1,date}) the
      // instance holds, which they change; without sub-formats they only read the pattern.
      Set.of("format", "formatToCharacterIterator", "parse", "parseObject"),
      Set.of("toPattern", "getFormats", "getFormatsByArgumentIndex", "getLocale", "equals",
          "hashCode", "clone", "toString")),
  CALENDAR(List.of("java.util.Calendar"),
      List.of("java.util.Calendar", "java.util.GregorianCalendar"),
      Set.of("set", "add", "roll", "setTime", "setTimeInMillis", "clear", "setTimeZone",
          "setLenient", "setFirstDayOfWeek", "setMinimalDaysInFirstWeek", "setWeekDate",
          "setGregorianChange"),
      // After a set(), these recompute the time and the fields: a write; otherwise a read.
      Set.of("get", "getTime", "getTimeInMillis", "toInstant", "getDisplayName",
          "getDisplayNames", "getWeekYear", "getWeeksInWeekYear", "toZonedDateTime"),
      Set.of("isSet", "isLenient", "getTimeZone", "getFirstDayOfWeek",
          "getMinimalDaysInFirstWeek", "getMinimum", "getMaximum", "getGreatestMinimum",
          "getLeastMaximum", "getActualMinimum", "getActualMaximum", "getCalendarType",
          "isWeekDateSupported", "getGregorianChange", "isLeapYear", "before", "after",
          "compareTo", "equals", "hashCode", "clone", "toString")),
  MATCHER(List.of("java.util.regex.Matcher"), List.of("java.util.regex.Matcher"),
      // Every match operation moves the matcher's state (groups, position, region).
      Set.of("find", "matches", "lookingAt", "reset", "usePattern", "region",
          "useTransparentBounds", "useAnchoringBounds", "appendReplacement", "appendTail",
          "replaceAll", "replaceFirst", "results"),
      Set.of(),
      Set.of("group", "start", "end", "groupCount", "pattern", "toMatchResult", "regionStart",
          "regionEnd", "hasTransparentBounds", "hasAnchoringBounds", "hitEnd", "requireEnd",
          "namedGroups", "hasMatch", "toString")),
  STRING_BUILDER(List.of("java.lang.StringBuilder"),
      // Most of StringBuilder's methods are AbstractStringBuilder's, which StringBuffer (thread
      // safe: not tracked) shares; the runtime tracks only StringBuilder instances.
      List.of("java.lang.AbstractStringBuilder", "java.lang.StringBuilder"),
      Set.of("append", "appendCodePoint", "insert", "delete", "deleteCharAt", "replace",
          "reverse", "setLength", "setCharAt", "ensureCapacity", "trimToSize", "repeat"),
      Set.of(),
      Set.of("length", "capacity", "charAt", "codePointAt", "codePointBefore", "codePointCount",
          "offsetByCodePoints", "getChars", "substring", "subSequence", "indexOf", "lastIndexOf",
          "toString", "chars", "codePoints", "compareTo", "isEmpty")),
  FORMATTER(List.of("java.util.Formatter"), List.of("java.util.Formatter"),
      Set.of("format", "flush", "close"), Set.of(),
      Set.of("locale", "out", "toString", "ioException")),
  MESSAGE_DIGEST(List.of("java.security.MessageDigest"), List.of("java.security.MessageDigest"),
      Set.of("update", "digest", "reset"), Set.of(),
      Set.of("getAlgorithm", "getProvider", "getDigestLength", "toString", "clone")),
  CIPHER(List.of("javax.crypto.Cipher"), List.of("javax.crypto.Cipher"),
      Set.of("init", "update", "updateAAD", "doFinal", "wrap", "unwrap"), Set.of(),
      Set.of("getAlgorithm", "getProvider", "getBlockSize", "getOutputSize", "getIV",
          "getParameters", "getExemptionMechanism", "toString")),
  MAC(List.of("javax.crypto.Mac"), List.of("javax.crypto.Mac"),
      Set.of("init", "update", "doFinal", "reset"), Set.of(),
      Set.of("getAlgorithm", "getProvider", "getMacLength", "clone")),
  /** Relative gets and puts move the position: see {@link #classify}. */
  BUFFER(List.of("java.nio.Buffer"), bufferClasses(),
      Set.of("put", "compact", "clear", "flip", "rewind", "mark", "reset", "read", "append"),
      Set.of(),
      Set.of("capacity", "remaining", "hasRemaining", "isReadOnly", "hasArray", "array",
          "arrayOffset", "isDirect", "slice", "duplicate", "asReadOnlyBuffer", "alignmentOffset",
          "alignedSlice", "isLoaded", "load", "force", "equals", "hashCode", "compareTo", "mismatch", "toString",
          "length", "isEmpty", "charAt", "subSequence", "chars", "getChars", "attachment",
          "cleaner", "address", "asCharBuffer", "asShortBuffer", "asIntBuffer", "asLongBuffer",
          "asFloatBuffer", "asDoubleBuffer")),
  SPLITTABLE_RANDOM(List.of("java.util.SplittableRandom"),
      // Most generating methods are RandomGenerator's defaults, which other generators share.
      List.of("java.util.SplittableRandom",
          "jdk.internal.util.random.RandomSupport$AbstractSplittableGenerator",
          "java.util.random.RandomGenerator"),
      // Every generated value advances the seed; so does split() (it draws the child's seed).
      Set.of("nextInt", "nextLong", "nextDouble", "nextFloat", "nextBoolean", "nextBytes",
          "nextGaussian", "nextExponential", "ints", "longs", "doubles", "equiDoubles", "split",
          "splits"),
      Set.of(),
      Set.of("isDeprecated"));

  /** How an operation touches its instance. */
  public enum Operation {
    READ,
    WRITE,
    /** A read or a write depending on the instance's state, decided when the call is made. */
    DEPENDS_ON_STATE
  }

  /** Instances of these classes (and of subclasses) are tracked. */
  final List<String> tracked;
  /** The public methods these classes declare carry the advice. */
  final List<String> advised;
  private final Set<String> writes;
  private final Set<String> stateDependent;
  private final Set<String> reads;

  JdkObjectFamily(List<String> tracked, List<String> advised, Set<String> writes,
      Set<String> stateDependent, Set<String> reads) {
    this.tracked = tracked;
    this.advised = advised;
    this.writes = writes;
    this.stateDependent = stateDependent;
    this.reads = reads;
  }

  /** The tracked classes of this family. */
  public List<String> trackedClasses() {
    return tracked;
  }

  /** The classes whose declared public methods carry the advice. */
  public List<String> advisedClasses() {
    return advised;
  }

  /**
   * How the public instance method {@code name} with {@code firstParameter} (a type name, or null
   * without parameters) touches the instance; null when the family does not know the method (a
   * method a newer JDK added), which the advice treats as a read.
   */
  public Operation classify(String name, String firstParameter, int parameterCount) {
    if (this == BUFFER) {
      Operation buffer = classifyBufferPosition(name, firstParameter, parameterCount);
      if (buffer != null) return buffer;
    }
    if (writes.contains(name)) return Operation.WRITE;
    if (stateDependent.contains(name)) return Operation.DEPENDS_ON_STATE;
    if (reads.contains(name)) return Operation.READ;
    return null;
  }

  /**
   * A buffer's relative {@code get()}, {@code getInt()}, {@code get(byte[])} move its position: a
   * write; the absolute ones take the index first ({@code get(int)}, {@code get(int, byte[])}) and
   * only read. {@code position()}, {@code limit()}, {@code order()} read; with an argument they
   * set it. Null for the other methods.
   */
  private static Operation classifyBufferPosition(String name, String firstParameter,
      int parameterCount) {
    if (name.startsWith("get")) {
      return "int".equals(firstParameter) ? Operation.READ : Operation.WRITE;
    }
    if (name.startsWith("put")) return Operation.WRITE;
    if (name.equals("position") || name.equals("limit") || name.equals("order")) {
      return parameterCount == 0 ? Operation.READ : Operation.WRITE;
    }
    return null;
  }

  /** Every class of every family that carries the advice. */
  public static List<String> allAdvisedClasses() {
    List<String> all = new ArrayList<>();
    for (JdkObjectFamily family : values()) all.addAll(family.advised);
    return all;
  }

  /**
   * The buffer classes of every element type: the public ones, the heap and direct
   * implementations (read-only, and for direct buffers of wider types in native and swapped byte
   * order), and the views a ByteBuffer gives of another type ({@code asIntBuffer()}).
   */
  private static List<String> bufferClasses() {
    List<String> names = new ArrayList<>(List.of("java.nio.Buffer", "java.nio.MappedByteBuffer",
        "java.nio.DirectByteBuffer", "java.nio.DirectByteBufferR", "java.nio.StringCharBuffer"));
    for (String type : List.of("Byte", "Char", "Short", "Int", "Long", "Float", "Double")) {
      names.add("java.nio." + type + "Buffer");
      names.add("java.nio.Heap" + type + "Buffer");
      names.add("java.nio.Heap" + type + "BufferR");
      if (type.equals("Byte")) continue;
      for (String variant : List.of("U", "S", "RU", "RS")) {
        names.add("java.nio.Direct" + type + "Buffer" + variant);
      }
      for (String variant : List.of("B", "L", "RB", "RL")) {
        names.add("java.nio.ByteBufferAs" + type + "Buffer" + variant);
      }
    }
    return names;
  }
}

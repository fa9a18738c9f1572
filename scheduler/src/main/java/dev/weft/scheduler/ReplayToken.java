package dev.weft.scheduler;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.zip.CRC32;

/**
 * Encodes a {@link Schedule} as a short printable token that survives copy and paste from a
 * terminal or a CI log ({@code W1.} followed by URL-safe base64), and decodes it back.
 *
 * <p>Layout of the decoded bytes: format version, seed (zig-zag varint), number of runs, then
 * each run of equal consecutive choices as (choice, run length) varints, and a CRC-32 of all that.
 * Runs keep tokens short because a thread usually runs for several steps in a row.
 */
public final class ReplayToken {
  static final String PREFIX = "W1.";
  private static final int VERSION = 1;
  private static final int MAX_CHOICES = 50_000_000;
  /** Version, seed and run count (one byte each at least) and the 4-byte checksum. */
  private static final int MIN_BYTES = 7;
  private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();

  private ReplayToken() {}

  /** The token for {@code schedule}: ASCII letters, digits, {@code -}, {@code _} and one dot. */
  public static String encode(Schedule schedule) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.write(VERSION);
    writeVarLong(out, zigZag(schedule.seed()));
    int n = schedule.length();
    int runs = 0;
    for (int i = 0; i < n; i++) {
      if (i == 0 || schedule.choice(i) != schedule.choice(i - 1)) runs++;
    }
    writeVarLong(out, runs);
    int i = 0;
    while (i < n) {
      int value = schedule.choice(i);
      int j = i;
      while (j < n && schedule.choice(j) == value) j++;
      writeVarLong(out, value);
      writeVarLong(out, j - i);
      i = j;
    }
    CRC32 crc = new CRC32();
    byte[] body = out.toByteArray();
    crc.update(body);
    long sum = crc.getValue();
    for (int k = 0; k < 4; k++) out.write((int) (sum >>> (8 * k)) & 0xff);
    return PREFIX + ENCODER.encodeToString(out.toByteArray());
  }

  /**
   * Decodes a token printed by {@link #encode}. Whitespace anywhere in the token is ignored, since
   * terminals and CI logs wrap long lines.
   *
   * @throws IllegalArgumentException quoting the token if it is malformed, damaged (checksum), or
   *     written by an incompatible version of Weft
   */
  public static Schedule decode(String token) {
    if (token == null) throw invalid("null", "no token was given");
    String t = withoutWhitespace(token);
    if (!t.startsWith(PREFIX)) {
      if (hasVersionPrefix(t)) {
        throw invalid(token, "it was written by another version of Weft (this one reads tokens"
            + " starting with \"" + PREFIX + "\"); run the exploration again to get a new token");
      }
      throw invalid(token, "it does not start with \"" + PREFIX + "\"");
    }
    String payload = t.substring(PREFIX.length());
    byte[] bytes;
    try {
      bytes = Base64.getUrlDecoder().decode(payload.getBytes(StandardCharsets.US_ASCII));
    } catch (IllegalArgumentException e) {
      throw invalid(token, "it is not a sequence of token characters (damaged or cut off when"
          + " copied?)");
    }
    if (bytes.length < MIN_BYTES) throw invalid(token, "it is too short (cut off when copied?)");
    // The decoder ignores the spare bits of the last character; a token differing there is
    // still a damaged token.
    if (!ENCODER.encodeToString(bytes).equals(payload)) {
      throw invalid(token, "its last character is damaged (mistyped when copied?)");
    }
    int bodyLength = bytes.length - 4;
    CRC32 crc = new CRC32();
    crc.update(bytes, 0, bodyLength);
    long expected = 0;
    for (int k = 0; k < 4; k++) expected |= (long) (bytes[bodyLength + k] & 0xff) << (8 * k);
    if (crc.getValue() != expected) {
      throw invalid(token, "its checksum does not match (cut off or mistyped when copied?)");
    }
    Reader in = new Reader(bytes, bodyLength);
    try {
      int version = in.next();
      if (version != VERSION) {
        throw invalid(token, "format version " + version + " is not supported by this Weft");
      }
      long seed = unZigZag(in.varLong());
      long runs = in.varLong();
      int[] choices = new int[16];
      int size = 0;
      for (long r = 0; r < runs; r++) {
        long value = in.varLong();
        long length = in.varLong();
        if (value < 0 || value > Integer.MAX_VALUE || length <= 0 || size + length > MAX_CHOICES) {
          throw invalid(token, "it holds an impossible choice");
        }
        while (choices.length < size + length) {
          choices = Arrays.copyOf(choices, Math.max(choices.length * 2,
              (int) (size + length)));
        }
        for (long k = 0; k < length; k++) choices[size++] = (int) value;
      }
      if (in.pos != bodyLength) throw invalid(token, "it has trailing data");
      return new Schedule(seed, Arrays.copyOf(choices, size));
    } catch (IndexOutOfBoundsException e) {
      throw invalid(token, "it ends too early");
    }
  }

  private static String withoutWhitespace(String token) {
    StringBuilder sb = new StringBuilder(token.length());
    for (int i = 0; i < token.length(); i++) {
      char c = token.charAt(i);
      if (!Character.isWhitespace(c)) sb.append(c);
    }
    return sb.toString();
  }

  /** {@code W}, one or more digits and a dot: the prefix of some version's tokens. */
  private static boolean hasVersionPrefix(String t) {
    int i = 1;
    while (i < t.length() && t.charAt(i) >= '0' && t.charAt(i) <= '9') i++;
    return t.startsWith("W") && i > 1 && i < t.length() && t.charAt(i) == '.';
  }

  private static IllegalArgumentException invalid(String token, String why) {
    String shown = token.length() > 120 ? token.substring(0, 117) + "..." : token;
    return new IllegalArgumentException("Not a valid Weft replay token: \"" + shown + "\": " + why
        + ". Copy the whole token from the report's \"Reproduce with\" line.");
  }

  private static long zigZag(long v) {
    return (v << 1) ^ (v >> 63);
  }

  private static long unZigZag(long v) {
    return (v >>> 1) ^ -(v & 1);
  }

  private static void writeVarLong(ByteArrayOutputStream out, long v) {
    while ((v & ~0x7FL) != 0) {
      out.write((int) ((v & 0x7F) | 0x80));
      v >>>= 7;
    }
    out.write((int) v);
  }

  private static final class Reader {
    private final byte[] bytes;
    private final int end;
    int pos;

    Reader(byte[] bytes, int end) {
      this.bytes = bytes;
      this.end = end;
    }

    int next() {
      if (pos >= end) throw new IndexOutOfBoundsException();
      return bytes[pos++] & 0xff;
    }

    long varLong() {
      long result = 0;
      for (int shift = 0; shift < 64; shift += 7) {
        int b = next();
        result |= (long) (b & 0x7F) << shift;
        if ((b & 0x80) == 0) return result;
      }
      throw new IndexOutOfBoundsException();
    }
  }
}

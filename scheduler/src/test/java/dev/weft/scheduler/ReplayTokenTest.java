package dev.weft.scheduler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.Base64;
import java.util.SplittableRandom;
import java.util.zip.CRC32;
import org.assertj.core.api.AbstractThrowableAssert;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ReplayTokenTest {
  private static final String ALPHABET =
      "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
  private static final long[] SEEDS = {0, 1, -1, 42, Long.MIN_VALUE, Long.MAX_VALUE,
      Long.MIN_VALUE + 1, Integer.MIN_VALUE, 0x9E3779B97F4A7C15L};

  @Test
  void roundTripsRandomSchedulesOfAllShapes() {
    SplittableRandom random = new SplittableRandom(2024);
    for (int i = 0; i < 2_000; i++) {
      Schedule schedule = randomSchedule(random, i);

      String token = ReplayToken.encode(schedule);
      Schedule decoded = ReplayToken.decode(token);

      assertThat(decoded).as("token %s", token).isEqualTo(schedule);
      assertThat(ReplayToken.encode(decoded)).isEqualTo(token);
      assertThat(token).matches("W1\\.[A-Za-z0-9_-]+");
    }
  }

  @Test
  void roundTripsTheEdges() {
    int[][] shapes = {{}, {0}, {Integer.MAX_VALUE}, {Integer.MAX_VALUE, 0, Integer.MAX_VALUE},
        {127, 128, 16383, 16384}, new int[100_000]};
    for (long seed : SEEDS) {
      for (int[] choices : shapes) {
        Schedule schedule = new Schedule(seed, choices);
        assertThat(ReplayToken.decode(ReplayToken.encode(schedule))).isEqualTo(schedule);
      }
    }
  }

  @Test
  void runsOfEqualChoicesKeepTokensShort() {
    // 2000 choices among 3 threads in runs of 1 to 9: what a random walk with some locality gives.
    SplittableRandom random = new SplittableRandom(7);
    int[] choices = new int[2000];
    int runs = 0;
    for (int i = 0; i < choices.length; runs++) {
      int thread = runs % 3;
      int length = 1 + random.nextInt(9);
      for (int k = 0; k < length && i < choices.length; k++) choices[i++] = thread;
    }
    String token = ReplayToken.encode(new Schedule(Long.MIN_VALUE, choices));

    // Two bytes a run, plus version, a 10-byte seed, the run count and the checksum, in base64.
    int bytes = 1 + 10 + 2 + 2 * runs + 4;
    assertThat(token.length()).isLessThanOrEqualTo(3 + (bytes * 4 + 2) / 3);
    assertThat(token.length()).isLessThan(choices.length * 6 / 10);
  }

  @Test
  void longRunsCostAlmostNothing() {
    int[] choices = new int[2000];
    for (int i = 0; i < choices.length; i++) choices[i] = (i / 100) % 2;

    String token = ReplayToken.encode(new Schedule(123456789L, choices));

    assertThat(token.length()).isLessThanOrEqualTo(80);
  }

  @Test
  void ignoresWhitespaceFromWrappedLines() {
    Schedule schedule = new Schedule(99, new int[] {0, 1, 1, 2, 0, 3, 3, 3, 1});
    String token = ReplayToken.encode(schedule);
    String wrapped = "  " + token.substring(0, 6) + "\n  " + token.substring(6) + "\t\n";

    assertThat(ReplayToken.decode(wrapped)).isEqualTo(schedule);
  }

  @Test
  void rejectsNull() {
    assertThatThrownBy(() -> ReplayToken.decode(null))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("\"null\"")
        .hasMessageContaining("no token")
        .hasMessageContaining("Copy the whole token");
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "   ", "garbage", "X1.AQIDBAUGBw", "w1.AQIDBAUG", "W1", "W1x.AQID",
      "1.AQIDBAUGBw", "Reproduce with: W"})
  void rejectsTextThatIsNotAToken(String token) {
    assertRejected(token).hasMessageContaining("does not start with \"W1.\"");
  }

  @ParameterizedTest
  @ValueSource(strings = {"W2.AQIDBAUGBw", "W10.AAAAAAAAAA", "W0.x"})
  void rejectsTokensOfOtherVersionsAndSaysToExploreAgain(String token) {
    assertRejected(token)
        .hasMessageContaining("another version of Weft")
        .hasMessageContaining("run the exploration again");
  }

  @Test
  void rejectsAFormatVersionItDoesNotKnowEvenWithAValidChecksum() {
    String token = tokenOf(2, 0, 0);

    assertRejected(token).hasMessageContaining("format version 2 is not supported");
  }

  @Test
  void rejectsCharactersOutsideTheAlphabet() {
    String token = ReplayToken.encode(new Schedule(5, new int[] {1, 0, 1}));
    String broken = token.substring(0, 5) + "+" + token.substring(6);

    assertRejected(broken).hasMessageContaining("not a sequence of token characters");
  }

  @Test
  void everySingleMistypedCharacterIsDetected() {
    String token = ReplayToken.encode(new Schedule(-77, new int[] {0, 1, 1, 1, 2, 0, 0, 5, 2}));
    int tried = 0;
    for (int pos = ReplayToken.PREFIX.length(); pos < token.length(); pos++) {
      for (char c : ALPHABET.toCharArray()) {
        if (c == token.charAt(pos)) continue;
        String damaged = token.substring(0, pos) + c + token.substring(pos + 1);
        assertRejected(damaged);
        tried++;
      }
    }
    assertThat(tried).isEqualTo(63 * (token.length() - 3));
  }

  @Test
  void aDamagedLastCharacterIsDetectedEvenWhereItsSpareBitsAreIgnoredByBase64() {
    // 10 bytes (4 checksum) encode to 14 characters: the last holds 2 data bits and 4 spare bits.
    String token = tokenOf(1, 0x80, 0x01, 1, 1, 3);
    assertThat(token.length() - 3).isEqualTo(14);
    char last = token.charAt(token.length() - 1);
    char sameDataBits = ALPHABET.charAt(ALPHABET.indexOf(last) ^ 1);
    String damaged = token.substring(0, token.length() - 1) + sameDataBits;

    assertRejected(damaged).hasMessageContaining("last character is damaged");
  }

  @Test
  void everyTruncationIsDetected() {
    String token = ReplayToken.encode(new Schedule(31337, new int[] {2, 2, 0, 1, 1, 0, 2, 1}));
    for (int length = 0; length < token.length(); length++) {
      assertRejected(token.substring(0, length));
    }
    assertRejected(ReplayToken.PREFIX).hasMessageContaining("too short");
  }

  @Test
  void rejectsImpossibleContentBehindAValidChecksum() {
    // version 1, seed 0, 1 run of choice -1 (a 64-bit varint) of length 1
    String negative = tokenOf(1, 0, 1, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x01,
        1);
    assertRejected(negative).hasMessageContaining("impossible choice");
    // a run of length 0
    assertRejected(tokenOf(1, 0, 1, 3, 0)).hasMessageContaining("impossible choice");
    // a choice above Integer.MAX_VALUE (2^31)
    assertRejected(tokenOf(1, 0, 1, 0x80, 0x80, 0x80, 0x80, 0x08, 1))
        .hasMessageContaining("impossible choice");
    // two runs announced, one present
    assertRejected(tokenOf(1, 0, 2, 3, 1)).hasMessageContaining("ends too early");
    // bytes after the last run
    assertRejected(tokenOf(1, 0, 1, 3, 1, 9)).hasMessageContaining("trailing data");
  }

  @Test
  void aHandMadeTokenOfTheDocumentedLayoutDecodes() {
    // version 1, seed -1 (zig-zag 1), 2 runs: choice 3 x2, choice 0 x1
    Schedule schedule = ReplayToken.decode(tokenOf(1, 1, 2, 3, 2, 0, 1));

    assertThat(schedule).isEqualTo(new Schedule(-1, new int[] {3, 3, 0}));
  }

  @Test
  void quotesOnlyTheStartOfAVeryLongToken() {
    String token = "W1." + "A".repeat(500);

    assertThatThrownBy(() -> ReplayToken.decode(token))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("\"" + token.substring(0, 117) + "...\"")
        .hasMessageNotContaining(token.substring(0, 118))
        .hasMessageContaining("Copy the whole token");
  }

  /** Checks that decoding fails with a message that quotes the token and says what to do. */
  private static AbstractThrowableAssert<?, ? extends Throwable> assertRejected(String token) {
    return assertThatThrownBy(() -> ReplayToken.decode(token))
        .as("decoding %s", token)
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("Not a valid Weft replay token: \"" + token + "\"")
        .hasMessageContaining("Copy the whole token");
  }

  /** A W1 token of the given body bytes with a correct checksum. */
  private static String tokenOf(int... body) {
    byte[] bytes = new byte[body.length + 4];
    for (int i = 0; i < body.length; i++) bytes[i] = (byte) body[i];
    CRC32 crc = new CRC32();
    crc.update(bytes, 0, body.length);
    long sum = crc.getValue();
    for (int k = 0; k < 4; k++) bytes[body.length + k] = (byte) (sum >>> (8 * k));
    return "W1." + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  private static Schedule randomSchedule(SplittableRandom random, int i) {
    long seed = i < SEEDS.length ? SEEDS[i] : random.nextLong();
    int length = switch (i % 5) {
      case 0 -> 0;
      case 1 -> 1 + random.nextInt(10);
      case 2 -> random.nextInt(200);
      case 3 -> 1000 + random.nextInt(3000);
      default -> random.nextInt(50);
    };
    int[] choices = new int[length];
    int maxId = switch (i % 3) {
      case 0 -> 2;
      case 1 -> 200;
      default -> Integer.MAX_VALUE;
    };
    int k = 0;
    while (k < length) {
      int value = maxId == Integer.MAX_VALUE && random.nextBoolean()
          ? Integer.MAX_VALUE - random.nextInt(3)
          : random.nextInt(maxId == Integer.MAX_VALUE ? maxId : maxId + 1);
      int run = 1 + (random.nextInt(4) == 0 ? random.nextInt(300) : random.nextInt(5));
      Arrays.fill(choices, k, Math.min(length, k + run), value);
      k += run;
    }
    return new Schedule(seed, choices);
  }
}

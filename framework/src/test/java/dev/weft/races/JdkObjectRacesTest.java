package dev.weft.races;

import static dev.weft.races.RaceProbe.assertNoRace;
import static dev.weft.races.RaceProbe.assertRace;
import static dev.weft.races.RaceProbe.assertRaceReported;
import static dev.weft.races.RaceProbe.start;
import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.Access;
import dev.weft.Failure;
import dev.weft.Result;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.DoubleBuffer;
import java.nio.FloatBuffer;
import java.nio.IntBuffer;
import java.nio.LongBuffer;
import java.nio.ShortBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.text.DecimalFormat;
import java.text.MessageFormat;
import java.text.NumberFormat;
import java.text.ParsePosition;
import java.text.SimpleDateFormat;
import java.util.Calendar;
import java.util.Date;
import java.util.Formatter;
import java.util.GregorianCalendar;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.TimeZone;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

/**
 * The JDK objects that are not thread-safe, one class at a time and both ways: two threads that
 * write one instance are a DATA_RACE naming both lines, and two that only read it (where the
 * class has real reads) pass every execution.
 */
class JdkObjectRacesTest {
  private static final Date EPOCH = new Date(0L);
  private static final Date DAY_ONE = new Date(86_400_000L);

  // ---- java.text -------------------------------------------------------------------------------

  @Test
  void aSimpleDateFormatSharedByTwoFormattingThreads() {
    Result result = assertRaceReported(getClass(), "sdf1", "sdf2", () -> {
      SimpleDateFormat format = new SimpleDateFormat("yyyy-MM-dd"); /*sdfNew*/
      Thread a = start("request-1", () -> format.format(EPOCH)); /*sdf1*/
      Thread b = start("request-2", () -> format.format(DAY_ONE)); /*sdf2*/
      a.join();
      b.join();
    });
    assertThat(result.report())
        .startsWith("DATA RACE on java.text.SimpleDateFormat@")
        .contains("(created at JdkObjectRacesTest.java:"
            + SourceMarkers.line(getClass(), "sdfNew") + ")")
        .contains("writes with SimpleDateFormat.format at JdkObjectRacesTest.java:")
        .contains("SimpleDateFormat.format writes: it sets the date into the formatter's own"
            + " Calendar.")
        .contains("Fix: use java.time's DateTimeFormatter")
        .contains("ThreadLocal.withInitial(() -> new SimpleDateFormat(pattern))")
        .contains("a new instance per call")
        .doesNotContain("concurrent map writes").doesNotContain("(in place)");
    assertThat(result.failure().orElseThrow().accesses()).extracting(Access::kind)
        .containsOnly(Access.Kind.WRITE);
  }

  @Test
  void aSimpleDateFormatParsingInOneThreadAndFormattingInAnother() {
    assertRace(getClass(), "parse", "format", () -> {
      SimpleDateFormat format = new SimpleDateFormat("yyyy-MM-dd");
      ParsePosition start = new ParsePosition(0);
      Thread a = start("import", () -> format.parse("2026-12-01", start)); /*parse*/
      Thread b = start("export", () -> format.format(EPOCH)); /*format*/
      a.join();
      b.join();
    });
  }

  @Test
  void aSimpleDateFormatPerThreadIsNeverARace() {
    assertNoRace(() -> {
      Thread a = start("t1", () -> new SimpleDateFormat("yyyy-MM-dd").format(EPOCH));
      Thread b = start("t2", () -> {
        SimpleDateFormat own = new SimpleDateFormat("yyyy-MM-dd");
        own.format(DAY_ONE);
        own.format(EPOCH);
      });
      a.join();
      b.join();
    });
  }

  @Test
  void aSharedSimpleDateFormatGuardedByOneLockIsNeverARace() {
    assertNoRace(() -> {
      SimpleDateFormat format = new SimpleDateFormat("yyyy-MM-dd");
      Object lock = new Object();
      Thread a = start("t1", () -> {
        synchronized (lock) {
          format.format(EPOCH);
        }
      });
      Thread b = start("t2", () -> {
        synchronized (lock) {
          format.format(DAY_ONE);
        }
      });
      a.join();
      b.join();
    });
  }

  @Test
  void aSimpleDateFormatInAThreadLocalIsNeverARace() {
    assertNoRace(() -> {
      ThreadLocal<SimpleDateFormat> format =
          ThreadLocal.withInitial(() -> new SimpleDateFormat("yyyy-MM-dd"));
      Thread a = start("t1", () -> format.get().format(EPOCH));
      Thread b = start("t2", () -> format.get().format(DAY_ONE));
      a.join();
      b.join();
    });
  }

  @Test
  void aSimpleDateFormatHandedOverByStartAndJoinIsNeverARace() {
    assertNoRace(() -> {
      SimpleDateFormat format = new SimpleDateFormat("yyyy-MM-dd");
      format.format(EPOCH);
      Thread a = start("t1", () -> format.format(DAY_ONE));
      a.join();
      format.format(EPOCH);
    });
  }

  @Test
  void aDateTimeFormatterSharedFreelyIsNeverARace() {
    assertNoRace(() -> {
      java.time.format.DateTimeFormatter format =
          java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd");
      java.time.LocalDate day = java.time.LocalDate.of(2026, 12, 2);
      Thread a = start("t1", () -> format.format(day));
      Thread b = start("t2", () -> format.parse("2026-12-01"));
      a.join();
      b.join();
    });
  }

  @Test
  void twoThreadsReadingASimpleDateFormatsPattern() {
    assertNoRace(() -> {
      SimpleDateFormat format = new SimpleDateFormat("yyyy-MM-dd");
      Thread a = start("t1", () -> format.toPattern());
      Thread b = start("t2", () -> {
        format.toPattern();
        format.isLenient();
      });
      a.join();
      b.join();
    });
  }

  @Test
  void aDecimalFormatSharedByTwoFormattingThreads() {
    assertRace(getClass(), "dec1", "dec2", () -> {
      DecimalFormat format = new DecimalFormat("#,##0.00");
      Thread a = start("t1", () -> format.format(1234.5)); /*dec1*/
      Thread b = start("t2", () -> format.format(99.99)); /*dec2*/
      a.join();
      b.join();
    });
  }

  @Test
  void aNumberFormatFromTheFactoryIsTrackedToo() {
    Result result = assertRaceReported(getClass(), "nf1", "nf2", () -> {
      NumberFormat format = NumberFormat.getInstance(Locale.US); /*nfNew*/
      Thread a = start("t1", () -> format.parse("1,234", new ParsePosition(0))); /*nf1*/
      Thread b = start("t2", () -> format.format(5L)); /*nf2*/
      a.join();
      b.join();
    });
    assertThat(result.report()).contains("(created at JdkObjectRacesTest.java:"
        + SourceMarkers.line(getClass(), "nfNew") + ")");
  }

  @Test
  void twoThreadsReadingADecimalFormatsSettings() {
    assertNoRace(() -> {
      DecimalFormat format = new DecimalFormat("#,##0.00");
      Thread a = start("t1", () -> format.getMaximumFractionDigits());
      Thread b = start("t2", () -> format.toPattern());
      a.join();
      b.join();
    });
  }

  @Test
  void aMessageFormatWithANumberSubFormatSharedByTwoThreads() {
    assertRace(getClass(), "msg1", "msg2", () -> {
      MessageFormat format = new MessageFormat("{0,number,#.##} items", Locale.US);
      Object[] one = {1.5};
      Object[] two = {2.25};
      Thread a = start("t1", () -> format.format(one)); /*msg1*/
      Thread b = start("t2", () -> format.format(two)); /*msg2*/
      a.join();
      b.join();
    });
  }

  @Test
  void aMessageFormatWithoutSubFormatsOnlyReadsWhenItFormats() {
    assertNoRace(() -> {
      MessageFormat format = new MessageFormat("Hello {0}, you have {1} messages");
      Object[] one = {"Ann", "3"};
      Object[] two = {"Bob", "5"};
      Thread a = start("t1", () -> format.format(one));
      Thread b = start("t2", () -> {
        format.format(two);
        format.toPattern();
      });
      a.join();
      b.join();
    });
  }

  // ---- java.util -------------------------------------------------------------------------------

  @Test
  void aCalendarSetByTwoThreads() {
    assertRace(getClass(), "cal1", "cal2", () -> {
      Calendar calendar = Calendar.getInstance(TimeZone.getTimeZone("UTC"), Locale.US);
      Thread a = start("t1", () -> calendar.setTime(EPOCH)); /*cal1*/
      Thread b = start("t2", () -> calendar.add(Calendar.DAY_OF_MONTH, 1)); /*cal2*/
      a.join();
      b.join();
    });
  }

  @Test
  void aCalendarsGetAfterASetRecomputesItsFieldsSoTwoGettersRace() {
    Result result = assertRaceReported(getClass(), "get1", "get2", () -> {
      Calendar calendar = new GregorianCalendar(TimeZone.getTimeZone("UTC"), Locale.US);
      calendar.set(Calendar.MONTH, Calendar.MARCH);
      Thread a = start("t1", () -> calendar.get(Calendar.DAY_OF_YEAR)); /*get1*/
      Thread b = start("t2", () -> calendar.get(Calendar.YEAR)); /*get2*/
      a.join();
      b.join();
    });
    assertThat(result.report()).contains("after a set() it recomputes the calendar's time and"
        + " fields");
  }

  @Test
  void twoThreadsGettingFieldsOfACalendarWhoseFieldsAreComputed() {
    assertNoRace(() -> {
      Calendar calendar = new GregorianCalendar(TimeZone.getTimeZone("UTC"), Locale.US);
      calendar.setTime(DAY_ONE);
      Thread a = start("t1", () -> calendar.get(Calendar.DAY_OF_YEAR));
      Thread b = start("t2", () -> {
        calendar.get(Calendar.YEAR);
        calendar.getTimeInMillis();
        calendar.isLenient();
      });
      a.join();
      b.join();
    });
  }

  @Test
  void aMatcherSharedByTwoFindingThreads() {
    Result result = assertRaceReported(getClass(), "find1", "find2", () -> {
      Matcher matcher = Pattern.compile("[0-9]+").matcher("a1b22c333"); /*matcherNew*/
      Thread a = start("t1", () -> matcher.find()); /*find1*/
      Thread b = start("t2", () -> matcher.find()); /*find2*/
      a.join();
      b.join();
    });
    assertThat(result.report())
        .contains("(created at JdkObjectRacesTest.java:"
            + SourceMarkers.line(getClass(), "matcherNew") + ")")
        .contains("Matcher.find writes: it moves the matcher to its next match.")
        .contains("make a new Matcher per use");
  }

  @Test
  void twoThreadsReadingTheGroupsOfAMatchFoundBeforeTheyStarted() {
    assertNoRace(() -> {
      Matcher matcher = Pattern.compile("([a-z]+)([0-9]+)").matcher("abc123");
      matcher.find();
      Thread a = start("t1", () -> matcher.group(1));
      Thread b = start("t2", () -> {
        matcher.group(2);
        matcher.start();
      });
      a.join();
      b.join();
    });
  }

  @Test
  void aFormatterSharedByTwoThreads() {
    assertRace(getClass(), "fmt1", "fmt2", () -> {
      Formatter formatter = new Formatter(new StringBuilder(), Locale.US);
      Thread a = start("t1", () -> formatter.format("%d;", 1)); /*fmt1*/
      Thread b = start("t2", () -> formatter.format("%s;", "two")); /*fmt2*/
      a.join();
      b.join();
    });
  }

  @Test
  void twoThreadsAskingAFormatterForItsLocale() {
    assertNoRace(() -> {
      Formatter formatter = new Formatter(new StringBuilder(), Locale.US);
      Thread a = start("t1", () -> formatter.locale());
      Thread b = start("t2", () -> formatter.locale());
      a.join();
      b.join();
    });
  }

  @Test
  void aSplittableRandomSharedByTwoThreads() {
    Result result = assertRaceReported(getClass(), "rnd1", "rnd2", () -> {
      SplittableRandom random = new SplittableRandom(42);
      Thread a = start("t1", () -> random.nextInt(100)); /*rnd1*/
      Thread b = start("t2", () -> random.nextDouble()); /*rnd2*/
      a.join();
      b.join();
    });
    assertThat(result.report()).contains("split() the generator once for each thread");
  }

  @Test
  void aSplittableRandomSplitForEachThreadBeforeItStarts() {
    assertNoRace(() -> {
      SplittableRandom random = new SplittableRandom(42);
      SplittableRandom forA = random.split();
      SplittableRandom forB = random.split();
      Thread a = start("t1", () -> forA.nextInt(100));
      Thread b = start("t2", () -> forB.nextDouble());
      a.join();
      b.join();
    });
  }

  // ---- java.lang -------------------------------------------------------------------------------

  @Test
  void aStringBuilderAppendedToByTwoThreads() {
    Result result = assertRaceReported(getClass(), "sb1", "sb2", () -> {
      StringBuilder log = new StringBuilder();
      Thread a = start("t1", () -> log.append("one;")); /*sb1*/
      Thread b = start("t2", () -> log.append('2')); /*sb2*/
      a.join();
      b.join();
    });
    assertThat(result.report()).contains("confine each StringBuilder to one thread");
  }

  @Test
  void aStringBuilderReadWhileAnotherThreadAppends() {
    assertRace(getClass(), "sbLength", "sbInsert", () -> {
      StringBuilder log = new StringBuilder("start");
      Thread a = start("t1", () -> log.length()); /*sbLength*/
      Thread b = start("t2", () -> log.insert(0, 1)); /*sbInsert*/
      a.join();
      b.join();
    });
  }

  @Test
  void twoThreadsReadingAStringBuilderFilledBeforeTheyStarted() {
    assertNoRace(() -> {
      StringBuilder text = new StringBuilder("abc").append(42);
      Thread a = start("t1", () -> {
        text.length();
        text.charAt(1);
      });
      Thread b = start("t2", () -> {
        text.toString();
        text.indexOf("4");
      });
      a.join();
      b.join();
    });
  }

  // ---- java.security, javax.crypto ------------------------------------------------------------

  @Test
  void aMessageDigestUpdatedByTwoThreads() {
    Result result = assertRaceReported(getClass(), "md1", "md2", () -> {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      Thread a = start("t1", () -> digest.update("one".getBytes(StandardCharsets.UTF_8))); /*md1*/
      Thread b = start("t2", () -> digest.digest()); /*md2*/
      a.join();
      b.join();
    });
    assertThat(result.report()).startsWith("DATA RACE on java.security.MessageDigest$")
        .contains("MessageDigest.digest").contains("make a new MessageDigest per use");
  }

  @Test
  void twoThreadsAskingAMessageDigestForItsLength() {
    assertNoRace(() -> {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      Thread a = start("t1", () -> digest.getDigestLength());
      Thread b = start("t2", () -> digest.getAlgorithm());
      a.join();
      b.join();
    });
  }

  @Test
  void aCipherSharedByTwoEncryptingThreads() {
    assertRace(getClass(), "aes1", "aes2", () -> {
      Cipher cipher = Cipher.getInstance("AES/ECB/PKCS5Padding");
      cipher.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(new byte[16], "AES"));
      byte[] data = new byte[20];
      Thread a = start("t1", () -> cipher.update(data)); /*aes1*/
      Thread b = start("t2", () -> cipher.update(data, 0, 16)); /*aes2*/
      a.join();
      b.join();
    });
  }

  @Test
  void twoThreadsAskingAnInitializedCipherForItsBlockSize() {
    assertNoRace(() -> {
      Cipher cipher = Cipher.getInstance("AES/ECB/PKCS5Padding");
      cipher.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(new byte[16], "AES"));
      Thread a = start("t1", () -> cipher.getBlockSize());
      Thread b = start("t2", () -> cipher.getOutputSize(20));
      a.join();
      b.join();
    });
  }

  @Test
  void aMacUpdatedByTwoThreads() {
    assertRace(getClass(), "mac1", "mac2", () -> {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(new byte[32], "HmacSHA256"));
      Thread a = start("t1", () -> mac.update((byte) 1)); /*mac1*/
      Thread b = start("t2", () -> mac.doFinal()); /*mac2*/
      a.join();
      b.join();
    });
  }

  @Test
  void twoThreadsAskingAMacForItsLength() {
    assertNoRace(() -> {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(new byte[32], "HmacSHA256"));
      Thread a = start("t1", () -> mac.getMacLength());
      Thread b = start("t2", () -> mac.getAlgorithm());
      a.join();
      b.join();
    });
  }

  // ---- java.nio: heap and direct buffers of every element type ---------------------------------

  @Test
  void aHeapByteBufferReadRelativelyByTwoThreads() {
    Failure failure = assertRace(getClass(), "bb1", "bb2", () -> {
      ByteBuffer buffer = ByteBuffer.wrap(new byte[] {1, 2, 3, 4});
      Thread a = start("t1", () -> buffer.get()); /*bb1*/
      Thread b = start("t2", () -> buffer.getShort()); /*bb2*/
      a.join();
      b.join();
    });
    assertThat(failure.accesses()).extracting(Access::operation)
        .containsExactlyInAnyOrder("ByteBuffer.get", "ByteBuffer.getShort");
  }

  @Test
  void aDirectByteBufferWrittenRelativelyByTwoThreads() {
    Result result = assertRaceReported(getClass(), "direct1", "direct2", () -> {
      ByteBuffer buffer = ByteBuffer.allocateDirect(16);
      Thread a = start("t1", () -> buffer.putInt(7)); /*direct1*/
      Thread b = start("t2", () -> buffer.put((byte) 1)); /*direct2*/
      a.join();
      b.join();
    });
    assertThat(result.report()).startsWith("DATA RACE on java.nio.DirectByteBuffer@")
        .contains("buffer.duplicate()");
  }

  @Test
  void aRelativeGetIsAWriteEvenWhenTheOtherThreadOnlyReadsAbsolutely() {
    Result result = assertRaceReported(getClass(), "relative", "absolute", () -> {
      ByteBuffer buffer = ByteBuffer.wrap(new byte[] {1, 2, 3, 4});
      Thread a = start("t1", () -> buffer.get()); /*relative*/
      Thread b = start("t2", () -> buffer.get(2)); /*absolute*/
      a.join();
      b.join();
    });
    assertThat(result.report()).contains("ByteBuffer.get is a relative get, which moves the"
        + " position: a write");
  }

  @Test
  void twoThreadsReadingHeapAndDirectByteBuffersAbsolutely() {
    assertNoRace(() -> {
      ByteBuffer heap = ByteBuffer.wrap(new byte[] {1, 2, 3, 4, 5, 6, 7, 8});
      ByteBuffer direct = ByteBuffer.allocateDirect(8).putLong(0, 42L);
      Thread a = start("t1", () -> {
        heap.get(0);
        heap.getInt(4);
        direct.getLong(0);
      });
      Thread b = start("t2", () -> {
        heap.get(1);
        heap.remaining();
        direct.get(3);
        direct.position();
      });
      a.join();
      b.join();
    });
  }

  @Test
  void charBuffersHeapAndDirect() {
    assertRace(getClass(), "charHeap1", "charHeap2", 200, () -> {
      CharBuffer buffer = CharBuffer.allocate(4);
      Thread a = start("t1", () -> buffer.get()); /*charHeap1*/
      Thread b = start("t2", () -> buffer.put('x')); /*charHeap2*/
      a.join();
      b.join();
    });
    assertRace(getClass(), "charDirect1", "charDirect2", 200, () -> {
      CharBuffer buffer = ByteBuffer.allocateDirect(8).asCharBuffer();
      Thread a = start("t1", () -> buffer.put('x')); /*charDirect1*/
      Thread b = start("t2", () -> buffer.get()); /*charDirect2*/
      a.join();
      b.join();
    });
    assertNoRace(200, () -> {
      CharBuffer heap = CharBuffer.allocate(4);
      CharBuffer direct = ByteBuffer.allocateDirect(8).asCharBuffer();
      Thread a = start("t1", () -> {
        heap.get(0);
        direct.get(1);
      });
      Thread b = start("t2", () -> {
        heap.get(1);
        direct.get(0);
        direct.remaining();
      });
      a.join();
      b.join();
    });
  }

  @Test
  void shortBuffersHeapAndDirect() {
    assertRace(getClass(), "shortHeap1", "shortHeap2", 200, () -> {
      ShortBuffer buffer = ShortBuffer.allocate(4);
      Thread a = start("t1", () -> buffer.get()); /*shortHeap1*/
      Thread b = start("t2", () -> buffer.put((short) 1)); /*shortHeap2*/
      a.join();
      b.join();
    });
    assertRace(getClass(), "shortDirect1", "shortDirect2", 200, () -> {
      ShortBuffer buffer = ByteBuffer.allocateDirect(8).asShortBuffer();
      Thread a = start("t1", () -> buffer.put((short) 1)); /*shortDirect1*/
      Thread b = start("t2", () -> buffer.get()); /*shortDirect2*/
      a.join();
      b.join();
    });
    assertNoRace(200, () -> {
      ShortBuffer heap = ShortBuffer.allocate(4);
      ShortBuffer direct = ByteBuffer.allocateDirect(8).asShortBuffer();
      Thread a = start("t1", () -> {
        heap.get(0);
        direct.get(1);
      });
      Thread b = start("t2", () -> {
        heap.get(1);
        direct.get(0);
        direct.remaining();
      });
      a.join();
      b.join();
    });
  }

  @Test
  void intBuffersHeapAndDirect() {
    assertRace(getClass(), "intHeap1", "intHeap2", 200, () -> {
      IntBuffer buffer = IntBuffer.allocate(4);
      Thread a = start("t1", () -> buffer.get()); /*intHeap1*/
      Thread b = start("t2", () -> buffer.put(1)); /*intHeap2*/
      a.join();
      b.join();
    });
    assertRace(getClass(), "intDirect1", "intDirect2", 200, () -> {
      IntBuffer buffer = ByteBuffer.allocateDirect(16).asIntBuffer();
      Thread a = start("t1", () -> buffer.put(1)); /*intDirect1*/
      Thread b = start("t2", () -> buffer.get()); /*intDirect2*/
      a.join();
      b.join();
    });
    assertNoRace(200, () -> {
      IntBuffer heap = IntBuffer.allocate(4);
      IntBuffer direct = ByteBuffer.allocateDirect(16).asIntBuffer();
      Thread a = start("t1", () -> {
        heap.get(0);
        direct.get(1);
      });
      Thread b = start("t2", () -> {
        heap.get(1);
        direct.get(0);
        direct.remaining();
      });
      a.join();
      b.join();
    });
  }

  @Test
  void longBuffersHeapAndDirect() {
    assertRace(getClass(), "longHeap1", "longHeap2", 200, () -> {
      LongBuffer buffer = LongBuffer.allocate(4);
      Thread a = start("t1", () -> buffer.get()); /*longHeap1*/
      Thread b = start("t2", () -> buffer.put(1L)); /*longHeap2*/
      a.join();
      b.join();
    });
    assertRace(getClass(), "longDirect1", "longDirect2", 200, () -> {
      LongBuffer buffer = ByteBuffer.allocateDirect(32).asLongBuffer();
      Thread a = start("t1", () -> buffer.put(1L)); /*longDirect1*/
      Thread b = start("t2", () -> buffer.get()); /*longDirect2*/
      a.join();
      b.join();
    });
    assertNoRace(200, () -> {
      LongBuffer heap = LongBuffer.allocate(4);
      LongBuffer direct = ByteBuffer.allocateDirect(32).asLongBuffer();
      Thread a = start("t1", () -> {
        heap.get(0);
        direct.get(1);
      });
      Thread b = start("t2", () -> {
        heap.get(1);
        direct.get(0);
        direct.remaining();
      });
      a.join();
      b.join();
    });
  }

  @Test
  void floatBuffersHeapAndDirect() {
    assertRace(getClass(), "floatHeap1", "floatHeap2", 200, () -> {
      FloatBuffer buffer = FloatBuffer.allocate(4);
      Thread a = start("t1", () -> buffer.get()); /*floatHeap1*/
      Thread b = start("t2", () -> buffer.put(1f)); /*floatHeap2*/
      a.join();
      b.join();
    });
    assertRace(getClass(), "floatDirect1", "floatDirect2", 200, () -> {
      FloatBuffer buffer = ByteBuffer.allocateDirect(16).asFloatBuffer();
      Thread a = start("t1", () -> buffer.put(1f)); /*floatDirect1*/
      Thread b = start("t2", () -> buffer.get()); /*floatDirect2*/
      a.join();
      b.join();
    });
    assertNoRace(200, () -> {
      FloatBuffer heap = FloatBuffer.allocate(4);
      FloatBuffer direct = ByteBuffer.allocateDirect(16).asFloatBuffer();
      Thread a = start("t1", () -> {
        heap.get(0);
        direct.get(1);
      });
      Thread b = start("t2", () -> {
        heap.get(1);
        direct.get(0);
        direct.remaining();
      });
      a.join();
      b.join();
    });
  }

  @Test
  void doubleBuffersHeapAndDirect() {
    assertRace(getClass(), "doubleHeap1", "doubleHeap2", 200, () -> {
      DoubleBuffer buffer = DoubleBuffer.allocate(4);
      Thread a = start("t1", () -> buffer.get()); /*doubleHeap1*/
      Thread b = start("t2", () -> buffer.put(1d)); /*doubleHeap2*/
      a.join();
      b.join();
    });
    assertRace(getClass(), "doubleDirect1", "doubleDirect2", 200, () -> {
      DoubleBuffer buffer = ByteBuffer.allocateDirect(32).asDoubleBuffer();
      Thread a = start("t1", () -> buffer.put(1d)); /*doubleDirect1*/
      Thread b = start("t2", () -> buffer.get()); /*doubleDirect2*/
      a.join();
      b.join();
    });
    assertNoRace(200, () -> {
      DoubleBuffer heap = DoubleBuffer.allocate(4);
      DoubleBuffer direct = ByteBuffer.allocateDirect(32).asDoubleBuffer();
      Thread a = start("t1", () -> {
        heap.get(0);
        direct.get(1);
      });
      Thread b = start("t2", () -> {
        heap.get(1);
        direct.get(0);
        direct.remaining();
      });
      a.join();
      b.join();
    });
  }
}

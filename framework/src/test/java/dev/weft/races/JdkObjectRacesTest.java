package dev.weft.races;

import static dev.weft.races.RaceProbe.assertNoRace;
import static dev.weft.races.RaceProbe.assertRace;
import static dev.weft.races.RaceProbe.assertRaceReported;
import static dev.weft.races.RaceProbe.start;
import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.Access;
import dev.weft.Failure;
import dev.weft.Result;
import java.nio.Buffer;
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
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.TimeZone;
import java.util.function.Consumer;
import java.util.function.IntFunction;
import java.util.function.ObjIntConsumer;
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
    relativeAccessesRaceAbsoluteGetsDoNot("char", CharBuffer::allocate,
        n -> ByteBuffer.allocateDirect(8 * n).asCharBuffer(),
        buffer -> buffer.get(), /*charGet*/
        buffer -> buffer.put('x'), /*charPut*/
        (buffer, index) -> buffer.get(index));
  }

  @Test
  void shortBuffersHeapAndDirect() {
    relativeAccessesRaceAbsoluteGetsDoNot("short", ShortBuffer::allocate,
        n -> ByteBuffer.allocateDirect(8 * n).asShortBuffer(),
        buffer -> buffer.get(), /*shortGet*/
        buffer -> buffer.put((short) 1), /*shortPut*/
        (buffer, index) -> buffer.get(index));
  }

  @Test
  void intBuffersHeapAndDirect() {
    relativeAccessesRaceAbsoluteGetsDoNot("int", IntBuffer::allocate,
        n -> ByteBuffer.allocateDirect(8 * n).asIntBuffer(),
        buffer -> buffer.get(), /*intGet*/
        buffer -> buffer.put(1), /*intPut*/
        (buffer, index) -> buffer.get(index));
  }

  @Test
  void longBuffersHeapAndDirect() {
    relativeAccessesRaceAbsoluteGetsDoNot("long", LongBuffer::allocate,
        n -> ByteBuffer.allocateDirect(8 * n).asLongBuffer(),
        buffer -> buffer.get(), /*longGet*/
        buffer -> buffer.put(1L), /*longPut*/
        (buffer, index) -> buffer.get(index));
  }

  @Test
  void floatBuffersHeapAndDirect() {
    relativeAccessesRaceAbsoluteGetsDoNot("float", FloatBuffer::allocate,
        n -> ByteBuffer.allocateDirect(8 * n).asFloatBuffer(),
        buffer -> buffer.get(), /*floatGet*/
        buffer -> buffer.put(1f), /*floatPut*/
        (buffer, index) -> buffer.get(index));
  }

  @Test
  void doubleBuffersHeapAndDirect() {
    relativeAccessesRaceAbsoluteGetsDoNot("double", DoubleBuffer::allocate,
        n -> ByteBuffer.allocateDirect(8 * n).asDoubleBuffer(),
        buffer -> buffer.get(), /*doubleGet*/
        buffer -> buffer.put(1d), /*doublePut*/
        (buffer, index) -> buffer.get(index));
  }

  /**
   * The buffers of one element type, heap and direct: a relative get and a relative put by two
   * threads race (both move the position), absolute gets by two threads do not. {@code get} and
   * {@code put} are written at the caller's lines marked {@code <type>Get} and {@code <type>Put},
   * which the report must name.
   */
  private <B extends Buffer> void relativeAccessesRaceAbsoluteGetsDoNot(String type,
      IntFunction<B> heap, IntFunction<B> direct, Consumer<B> get, Consumer<B> put,
      ObjIntConsumer<B> absoluteGet) {
    for (IntFunction<B> make : List.of(heap, direct)) {
      assertRace(getClass(), type + "Get", type + "Put", 200, () -> {
        B buffer = make.apply(4);
        Thread a = start("t1", () -> get.accept(buffer));
        Thread b = start("t2", () -> put.accept(buffer));
        a.join();
        b.join();
      });
    }
    assertNoRace(200, () -> {
      B onHeap = heap.apply(4);
      B outside = direct.apply(4);
      Thread a = start("t1", () -> {
        absoluteGet.accept(onHeap, 0);
        absoluteGet.accept(outside, 1);
      });
      Thread b = start("t2", () -> {
        absoluteGet.accept(onHeap, 1);
        absoluteGet.accept(outside, 0);
        outside.remaining();
      });
      a.join();
      b.join();
    });
  }
}

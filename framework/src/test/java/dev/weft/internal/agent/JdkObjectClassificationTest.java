package dev.weft.internal.agent;

import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.internal.agent.JdkObjectFamily.Operation;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;
import net.bytebuddy.description.method.MethodDescription;
import org.junit.jupiter.api.Test;

/**
 * Every public operation of every JDK class Weft watches besides collections is classified on
 * purpose as a read, a write or state-dependent: a method the tables do not name (one a newer JDK
 * added) would silently count as a read. Run on JDK 17 and 25, this is the check that the tables
 * still cover the JDK. The classification of the operations users meet first is spelled out.
 */
class JdkObjectClassificationTest {

  @Test
  void everyPublicOperationOfEveryAdvisedClassIsClassified() throws Exception {
    List<String> unclassified = new ArrayList<>();
    int classes = 0;
    for (JdkObjectFamily family : JdkObjectFamily.values()) {
      for (String name : family.advisedClasses()) {
        Class<?> type;
        try {
          type = Class.forName(name, false, null);
        } catch (ClassNotFoundException absentInThisJdk) {
          continue;
        }
        classes++;
        for (Method m : type.getDeclaredMethods()) {
          if (!advised(m)) continue;
          if (JdkObjectTargets.operationOf(family, new MethodDescription.ForLoadedMethod(m))
              == null) {
            unclassified.add(name + "." + m.getName() + " (" + family + ")");
          }
        }
      }
    }
    assertThat(classes).as("advised classes found").isGreaterThan(70);
    assertThat(unclassified).isEmpty();
  }

  /** What the advice goes on: public instance methods with a body, not bridges. */
  private static boolean advised(Method m) {
    int mod = m.getModifiers();
    return Modifier.isPublic(mod) && !Modifier.isStatic(mod) && !Modifier.isAbstract(mod)
        && !Modifier.isNative(mod) && !m.isBridge();
  }

  @Test
  void formattingWritesTheFormatterAndItsGettersRead() throws Exception {
    assertThat(op(JdkObjectFamily.DATE_FORMAT, java.text.DateFormat.class, "format",
        java.util.Date.class)).isEqualTo(Operation.WRITE);
    assertThat(op(JdkObjectFamily.DATE_FORMAT, java.text.SimpleDateFormat.class, "parse",
        String.class, java.text.ParsePosition.class)).isEqualTo(Operation.WRITE);
    assertThat(op(JdkObjectFamily.DATE_FORMAT, java.text.SimpleDateFormat.class, "toPattern"))
        .isEqualTo(Operation.READ);
    assertThat(op(JdkObjectFamily.NUMBER_FORMAT, java.text.NumberFormat.class, "format",
        double.class)).isEqualTo(Operation.WRITE);
    assertThat(op(JdkObjectFamily.NUMBER_FORMAT, java.text.DecimalFormat.class,
        "getMaximumFractionDigits")).isEqualTo(Operation.READ);
    assertThat(op(JdkObjectFamily.MESSAGE_FORMAT, java.text.MessageFormat.class, "toPattern"))
        .isEqualTo(Operation.READ);
    assertThat(op(JdkObjectFamily.MESSAGE_FORMAT, java.text.MessageFormat.class, "parse",
        String.class)).isEqualTo(Operation.DEPENDS_ON_STATE);
  }

  @Test
  void aCalendarsGetDependsOnWhetherItsFieldsAreComputed() throws Exception {
    assertThat(op(JdkObjectFamily.CALENDAR, java.util.Calendar.class, "get", int.class))
        .isEqualTo(Operation.DEPENDS_ON_STATE);
    assertThat(op(JdkObjectFamily.CALENDAR, java.util.Calendar.class, "setTime",
        java.util.Date.class)).isEqualTo(Operation.WRITE);
    assertThat(op(JdkObjectFamily.CALENDAR, java.util.Calendar.class, "isLenient"))
        .isEqualTo(Operation.READ);
  }

  @Test
  void aMatcherWritesWhenItMatchesAndReadsItsGroups() throws Exception {
    Class<?> matcher = java.util.regex.Matcher.class;
    assertThat(op(JdkObjectFamily.MATCHER, matcher, "find")).isEqualTo(Operation.WRITE);
    assertThat(op(JdkObjectFamily.MATCHER, matcher, "matches")).isEqualTo(Operation.WRITE);
    assertThat(op(JdkObjectFamily.MATCHER, matcher, "group", int.class))
        .isEqualTo(Operation.READ);
  }

  @Test
  void aStringBuilderWritesOnAppendAndReadsItsLength() throws Exception {
    Class<?> base = Class.forName("java.lang.AbstractStringBuilder");
    assertThat(op(JdkObjectFamily.STRING_BUILDER, StringBuilder.class, "append", String.class))
        .isEqualTo(Operation.WRITE);
    assertThat(op(JdkObjectFamily.STRING_BUILDER, base, "length")).isEqualTo(Operation.READ);
    assertThat(op(JdkObjectFamily.STRING_BUILDER, base, "setLength", int.class))
        .isEqualTo(Operation.WRITE);
    assertThat(op(JdkObjectFamily.STRING_BUILDER, StringBuilder.class, "toString"))
        .isEqualTo(Operation.READ);
  }

  @Test
  void aBuffersRelativeGetMovesItsPositionAndAnAbsoluteOneReads() throws Exception {
    Class<?> heap = Class.forName("java.nio.HeapByteBuffer");
    assertThat(op(JdkObjectFamily.BUFFER, heap, "get")).isEqualTo(Operation.WRITE);
    assertThat(op(JdkObjectFamily.BUFFER, heap, "get", int.class)).isEqualTo(Operation.READ);
    assertThat(op(JdkObjectFamily.BUFFER, heap, "getInt")).isEqualTo(Operation.WRITE);
    assertThat(op(JdkObjectFamily.BUFFER, heap, "getInt", int.class)).isEqualTo(Operation.READ);
    assertThat(op(JdkObjectFamily.BUFFER, java.nio.ByteBuffer.class, "get", byte[].class))
        .isEqualTo(Operation.WRITE);
    assertThat(op(JdkObjectFamily.BUFFER, java.nio.ByteBuffer.class, "get", int.class,
        byte[].class)).isEqualTo(Operation.READ);
    assertThat(op(JdkObjectFamily.BUFFER, heap, "put", int.class, byte.class))
        .isEqualTo(Operation.WRITE);
    assertThat(op(JdkObjectFamily.BUFFER, java.nio.Buffer.class, "position"))
        .isEqualTo(Operation.READ);
    assertThat(op(JdkObjectFamily.BUFFER, java.nio.ByteBuffer.class, "position", int.class))
        .isEqualTo(Operation.WRITE);
    assertThat(op(JdkObjectFamily.BUFFER, java.nio.ByteBuffer.class, "flip"))
        .isEqualTo(Operation.WRITE);
    assertThat(op(JdkObjectFamily.BUFFER, heap, "duplicate")).isEqualTo(Operation.READ);
  }

  @Test
  void digestsCiphersMacsFormattersAndGeneratorsWriteWhenTheyWork() throws Exception {
    assertThat(op(JdkObjectFamily.MESSAGE_DIGEST, java.security.MessageDigest.class, "update",
        byte[].class)).isEqualTo(Operation.WRITE);
    assertThat(op(JdkObjectFamily.MESSAGE_DIGEST, java.security.MessageDigest.class,
        "getDigestLength")).isEqualTo(Operation.READ);
    assertThat(op(JdkObjectFamily.CIPHER, javax.crypto.Cipher.class, "doFinal", byte[].class))
        .isEqualTo(Operation.WRITE);
    assertThat(op(JdkObjectFamily.CIPHER, javax.crypto.Cipher.class, "getBlockSize"))
        .isEqualTo(Operation.READ);
    assertThat(op(JdkObjectFamily.MAC, javax.crypto.Mac.class, "update", byte[].class))
        .isEqualTo(Operation.WRITE);
    assertThat(op(JdkObjectFamily.FORMATTER, java.util.Formatter.class, "format", String.class,
        Object[].class)).isEqualTo(Operation.WRITE);
    assertThat(op(JdkObjectFamily.FORMATTER, java.util.Formatter.class, "locale"))
        .isEqualTo(Operation.READ);
    assertThat(op(JdkObjectFamily.SPLITTABLE_RANDOM, java.util.SplittableRandom.class,
        "nextInt")).isEqualTo(Operation.WRITE);
    assertThat(op(JdkObjectFamily.SPLITTABLE_RANDOM, java.util.random.RandomGenerator.class,
        "nextDouble")).isEqualTo(Operation.WRITE);
  }

  @Test
  void theThreadSafeLookAlikesAreNotAdvised() {
    List<String> advised = JdkObjectFamily.allAdvisedClasses();
    assertThat(advised).doesNotContain("java.lang.StringBuffer", "java.util.Random",
        "java.util.concurrent.ThreadLocalRandom", "java.util.regex.Pattern",
        "java.time.format.DateTimeFormatter");
  }

  private static Operation op(JdkObjectFamily family, Class<?> type, String name,
      Class<?>... parameters) throws NoSuchMethodException {
    Method m = type.getDeclaredMethod(name, parameters);
    return JdkObjectTargets.operationOf(family, new MethodDescription.ForLoadedMethod(m));
  }
}

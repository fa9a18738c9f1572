package dev.weft.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.weft.internal.report.Json;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The hand-written JSON: exact escaping, and a strict parser to read records back. */
class JsonTest {
  @Test
  void escapesWhatJsonRequires() {
    assertThat(Json.write("a\"b\\c\nd\te\u0001f\u2028/é"))
        .isEqualTo("\"a\\\"b\\\\c\\nd\\te\\u0001f\\u2028/é\"\n");
  }

  @Test
  void everyCharacterSurvivesARoundTrip() {
    StringBuilder all = new StringBuilder();
    for (char c = 0; c < 0x3000; c++) all.append(c);
    all.append("\ud83d\ude00");
    assertThat(Json.parse(Json.write(all.toString()))).isEqualTo(all.toString());
  }

  @Test
  void nestedValuesRoundTrip() {
    Map<String, Object> inner = new LinkedHashMap<>();
    inner.put("isWrite", true);
    inner.put("location", null);
    Map<String, Object> value = new LinkedHashMap<>();
    value.put("seed", Long.MIN_VALUE);
    value.put("executions", 3L);
    value.put("accesses", List.of(inner, inner));
    value.put("empty", List.of());
    value.put("none", Map.of());

    assertThat(Json.parse(Json.write(value))).isEqualTo(value);
  }

  @Test
  void parsesStandardJsonWrittenElsewhere() {
    assertThat(Json.parse(" {\"a\" : [1, -2.5e3, \"\\u00e9\\/\", false, null]} "))
        .isEqualTo(Map.of("a", java.util.Arrays.asList(1L, -2500.0, "é/", false, null)));
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "{", "[1,]", "{\"a\":1,}", "{'a':1}", "01", "[01]", "\"a\nb\"",
      "\"\\x\"", "tru", "{\"a\":1}x", "{\"a\":1,\"a\":2}", "1.", "-", "\"\\u12\""})
  void rejectsInvalidJson(String text) {
    assertThatThrownBy(() -> Json.parse(text))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("invalid JSON at offset ");
  }
}

package dev.weft.junit;

import dev.weft.Failure;
import dev.weft.Result;
import dev.weft.internal.report.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * The report files of one test method, {@code <reportsDir>/<class>/<method>.txt} and
 * {@code .json}. The JSON file doubles as the failure database: it holds the token of the last
 * failure, which the next run replays first.
 */
final class ReportStore {
  /** Version of the JSON layout, so that a later layout can tell old records apart. */
  static final int FORMAT = 1;

  private final Path root;
  private final Path text;
  private final Path json;
  private final Path html;

  ReportStore(Path reportsDir, Class<?> testClass, String methodName) {
    Path dir = reportsDir.resolve(testClass.getName());
    this.root = reportsDir;
    this.text = dir.resolve(methodName + ".txt");
    this.json = dir.resolve(methodName + ".json");
    this.html = dir.resolve(methodName + ".html");
  }

  Path htmlFile() {
    return html;
  }

  /** What the previous failing run left for this test. */
  record Recorded(String token, String kind) {}

  Path textFile() {
    return text;
  }

  Path jsonFile() {
    return json;
  }

  /** {@link #textFile()} as users should read it: relative to the working directory if inside. */
  String shownTextFile() {
    return shown(text);
  }

  String shownJsonFile() {
    return shown(json);
  }

  private static String shown(Path p) {
    Path abs = p.toAbsolutePath().normalize();
    Path cwd = Paths.get("").toAbsolutePath();
    return abs.startsWith(cwd) ? cwd.relativize(abs).toString() : abs.toString();
  }

  /** Writes both files: {@code message} as text, and the record as JSON. */
  void write(String testId, String message, Result result, Set<Failure.Kind> expected) {
    Failure failure = result.failure().orElseThrow();
    String token = failure.replayToken();
    Map<String, Object> record = new LinkedHashMap<>();
    record.put("format", FORMAT);
    record.put("test", testId);
    record.put("expected", expected.stream().map(Enum::name).toList());
    // The framework's own JSON of the result (kind, summary, token, seed, accesses, details,
    // ...), with the report ending in the JUnit way to replay it.
    if (Json.parse(result.json(FailureMessages.reproduceLine(token))) instanceof Map<?, ?> m) {
      for (Map.Entry<?, ?> e : m.entrySet()) record.putIfAbsent((String) e.getKey(), e.getValue());
    }
    try {
      Files.createDirectories(json.getParent());
      Files.writeString(text, message.endsWith("\n") ? message : message + "\n");
      Files.writeString(json, Json.write(record));
      String page = result.htmlPage(FailureMessages.replayParameter(token));
      if (!page.isEmpty()) Files.writeString(html, page);
      ReportIndex.rebuild(root);
    } catch (IOException e) {
      throw new UncheckedIOException("Weft could not write the report " + json, e);
    }
  }

  /**
   * Reads the recorded failure, or returns null when there is none.
   *
   * @throws IllegalArgumentException if the file exists but holds no usable record
   */
  Recorded read() {
    String content;
    try {
      if (!Files.isRegularFile(json)) return null;
      content = Files.readString(json);
    } catch (IOException e) {
      throw new IllegalArgumentException("cannot read " + json + ": " + e, e);
    }
    if (!(Json.parse(content) instanceof Map<?, ?> record)) {
      throw new IllegalArgumentException(json + " does not hold a JSON object");
    }
    if (!(record.get("token") instanceof String token) || token.isBlank()) {
      throw new IllegalArgumentException(json + " has no \"token\"");
    }
    Object kind = record.get("kind");
    return new Recorded(token, kind instanceof String k ? k : "?");
  }

  /** Deletes both files; returns whether there was a record. */
  boolean delete() {
    try {
      Files.deleteIfExists(text);
      Files.deleteIfExists(html);
      boolean existed = Files.deleteIfExists(json);
      if (existed) ReportIndex.rebuild(root);
      return existed;
    } catch (IOException e) {
      throw new UncheckedIOException("Weft could not delete the stale record " + json, e);
    }
  }
}

package dev.weft.junit;

import dev.weft.Body;
import dev.weft.Failure;
import dev.weft.ReplayDivergedException;
import dev.weft.Result;
import dev.weft.Weft;
import dev.weft.junit.FailureMessages.Source;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.opentest4j.AssertionFailedError;

/**
 * One run of one {@link RaceTest} method: replays the recorded failure if there is one, explores,
 * judges the result against {@code expect}, and keeps the report files and the record up to date.
 * Returns normally when the test passes and throws when it fails.
 */
final class RaceTestRun {
  private final RaceSettings settings;
  private final Class<?> testClass;
  private final String method;
  private final Body body;
  private final ReportStore store;
  private final Consumer<String> notes;

  /**
   * @param notes receives remarks for the user: stale records, and the {@link Summary} line of
   *     every run
   */
  RaceTestRun(RaceSettings settings, Class<?> testClass, String method, Body body,
      Consumer<String> notes) {
    this.settings = settings;
    this.testClass = testClass;
    this.method = method;
    this.body = body;
    this.store = new ReportStore(settings.reportsDir(), testClass, method);
    this.notes = notes;
  }

  void run() {
    if (settings.replayToken() != null) {
      judge(replayGivenToken(), Source.REPLAYED);
      return;
    }
    Result recorded = replayRecordedFailure();
    if (recorded != null && recorded.failed()) {
      judge(recorded, Source.RECORDED);
      return;
    }
    judge(controlled(() -> Weft.explore(settings.options(), body)), Source.EXPLORED);
  }

  private Result replayGivenToken() {
    String token = settings.replayToken();
    String given = settings.replaySource().equals(RaceSettings.REPLAY_ATTRIBUTE)
        ? "@RaceTest(replay = \"" + token + "\")"
        : "configuration parameter " + RaceSettings.REPLAY + "=\"" + token + "\"";
    try {
      return controlled(() -> Weft.replay(settings.options(), token, body));
    } catch (IllegalArgumentException e) {
      throw new ExtensionConfigurationException("Invalid " + given + ": " + e.getMessage()
          + " Expected a token copied from a Weft report (it starts with \"W1.\"), or no value"
          + " to explore normally.", e);
    } catch (ReplayDivergedException e) {
      throw new ExtensionConfigurationException("The token of " + given + " does not fit "
          + testName() + " any more: " + e.getMessage() + " Remove it to explore normally.", e);
    }
  }

  /** The replay of the last recorded failure, or null when there is none (or it is stale). */
  private Result replayRecordedFailure() {
    ReportStore.Recorded record;
    try {
      record = store.read();
    } catch (IllegalArgumentException unreadable) {
      store.delete();
      notes.accept("Deleted the unreadable failure record " + store.shownJsonFile() + " ("
          + unreadable.getMessage() + "); exploring normally.");
      return null;
    }
    if (record == null) return null;
    try {
      Result result = controlled(() -> Weft.replay(settings.options(), record.token(), body));
      if (!result.failed()) {
        notes.accept("The " + record.kind() + " recorded in " + store.shownJsonFile()
            + " no longer happens in its replay; exploring normally.");
      }
      return result;
    } catch (ReplayDivergedException | IllegalArgumentException stale) {
      store.delete();
      notes.accept("The failure recorded in " + store.shownJsonFile() + " is stale and was"
          + " deleted (" + stale.getMessage() + "); exploring normally.");
      return null;
    }
  }

  private void judge(Result result, Source source) {
    String summary = Summary.line(result, source, settings);
    if (!result.failed()) {
      if (source != Source.REPLAYED && store.delete()) {
        notes.accept("Deleted the stale failure record " + store.shownJsonFile() + ".");
      }
      notes.accept(summary);
      if (!settings.expected().isEmpty()) {
        throw new AssertionFailedError(FailureMessages.noneFound(settings.expected(), result));
      }
      return;
    }
    Failure failure = result.failure().orElseThrow();
    String message = FailureMessages.failed(result, source, settings, testClass, method, store);
    store.write(testName(), message, result, settings.expected());
    if (settings.expected().contains(failure.kind())) {
      notes.accept(summary + ": " + failure.summary() + " (report: " + store.shownTextFile() + ")");
      return;
    }
    notes.accept(summary);
    throw new AssertionFailedError(message, failure.cause().orElse(null));
  }

  /**
   * Runs a Weft call (Weft itself runs one at a time per JVM, so tests that JUnit runs in
   * parallel take turns there). An {@link IllegalStateException} means Weft cannot control this
   * JVM (no agent, and attaching one was refused): the test fails loudly with the framework's
   * explanation of what to add to the build.
   */
  private Result controlled(Supplier<Result> weftCall) {
    try {
      return weftCall.get();
    } catch (IllegalStateException e) {
      throw new ExtensionConfigurationException("Weft could not run " + testName()
          + ", so it fails rather than pass untested:\n" + e.getMessage(), e);
    }
  }

  private String testName() {
    return testClass.getName() + "#" + method;
  }
}

package dev.weft.internal.report;

import dev.weft.Access;
import dev.weft.Failure;
import dev.weft.UncontrolledClass;
import dev.weft.internal.failure.Awaited;
import dev.weft.internal.failure.CollectionLocation;
import dev.weft.internal.failure.JdkObjectLocation;
import dev.weft.internal.failure.DataRace;
import dev.weft.internal.failure.FieldLocation;
import dev.weft.internal.failure.Deadlock;
import dev.weft.internal.failure.ExceptionFailure;
import dev.weft.internal.failure.FailureDetails;
import dev.weft.internal.failure.HeldLock;
import dev.weft.internal.failure.Livelock;
import dev.weft.internal.failure.Location;
import dev.weft.internal.failure.LostControl;
import dev.weft.internal.failure.NotLinearizable;
import dev.weft.internal.failure.PrintedOutput;
import dev.weft.internal.failure.RacyAccess;
import dev.weft.internal.failure.WaitEdge;
import dev.weft.internal.failure.WeftInternalError;
import dev.weft.internal.linearizability.Call;
import dev.weft.internal.linearizability.History;
import dev.weft.internal.linearizability.Violation;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A result as one JSON object, for tools: what the API's {@code Result} and {@code Failure} say
 * (kind, summary, token, seed, strategy, executions, elapsed time, cause, the accesses of a data
 * race), when and on which JDK it ran, the classes not controlled, the typed details of the
 * failure ({@code details}: one shape per kind of failure), what the reported execution printed,
 * and the text report.
 */
final class JsonReport {
  private JsonReport() {}

  static String render(Report report, Failure failure, String text, Duration elapsed) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("kind", failure == null ? null : failure.kind().name());
    m.put("summary", failure == null ? null : failure.summary());
    m.put("token", failure == null ? null : failure.replayToken());
    m.put("seed", report.seed());
    m.put("strategy", report.strategy().name());
    m.put("executions", report.executions());
    m.put("elapsedMillis", elapsed.toMillis());
    m.put("date", report.finishedAt().toString());
    m.put("jdk", System.getProperty("java.version"));
    m.put("cause", failure == null ? null : failure.cause().map(Throwable::toString).orElse(null));
    List<Object> accesses = new ArrayList<>();
    if (failure != null) {
      for (Access a : failure.accesses()) {
        Map<String, Object> access = new LinkedHashMap<>();
        access.put("thread", a.threadName());
        access.put("operation", a.operation());
        access.put("location", a.location().map(StackTraceElement::toString).orElse(null));
        access.put("isWrite", a.isWrite());
        access.put("accessKind", a.kind().name());
        accesses.add(access);
      }
    }
    m.put("accesses", accesses);
    List<Object> uncontrolled = new ArrayList<>();
    for (UncontrolledClass c : report.uncontrolled()) {
      uncontrolled.add(Map.of("class", c.className(), "reason", c.reason()));
    }
    m.put("uncontrolledClasses", uncontrolled);
    Report.Failed failed = report.outcome() instanceof Report.Failed f ? f : null;
    m.put("details", failed == null ? null : details(failed.details()));
    m.put("output", failed == null ? List.of() : output(failed.output()));
    m.put("report", text);
    return Json.write(m);
  }

  private static Object details(FailureDetails details) {
    if (details instanceof DataRace d) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("location", location(d.location()));
      m.put("overlapping", d.classification().overlapping());
      m.put("conflict", d.classification().conflict().name());
      m.put("resizedBy", d.classification().resizedBy().name());
      m.put("pattern", d.classification().pattern().name());
      m.put("first", access(d.first()));
      m.put("then", access(d.then()));
      m.put("after", d.after() == null ? null : details(d.after()));
      return m;
    }
    if (details instanceof Deadlock d) {
      List<Object> edges = new ArrayList<>();
      for (WaitEdge e : d.edges()) edges.add(edge(e));
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("edges", edges);
      m.put("neverEnding", d.neverEnding().stream().map(Names::thread).toList());
      m.put("idleWorkers", d.idleWorkers().stream().map(Names::thread).toList());
      return m;
    }
    if (details instanceof ExceptionFailure e) {
      return thrown(Names.thread(e.thread()), e.error());
    }
    if (details instanceof WeftInternalError e) {
      Map<String, Object> m = thrown(Names.thread(e.thread()), e.culprit());
      m.put("thrown", e.thrown().toString());
      return m;
    }
    if (details instanceof Livelock l) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("maxSteps", l.maxSteps());
      m.put("thread", Names.thread(l.running()));
      m.put("stack", frames(l.stack()));
      return m;
    }
    if (details instanceof LostControl l) return lostControl(l);
    if (details instanceof NotLinearizable n) return history(n.violation());
    throw new IllegalArgumentException("no JSON for " + details.getClass().getName());
  }

  private static Map<String, Object> location(Location location) {
    Map<String, Object> m = new LinkedHashMap<>();
    if (location instanceof CollectionLocation c) {
      m.put("kind", "collection");
      m.put("object", Names.object(c.collection()));
      m.put("class", c.collection().className());
      m.put("createdAt", c.createdAt() == null ? null : Names.where(c.createdAt()));
      return m;
    }
    if (location instanceof FieldLocation f) {
      m.put("kind", switch (f.kind()) {
        case FIELD -> "field";
        case STATIC_FIELD -> "static field";
        case ELEMENT -> "element";
      });
      m.put("name", f.kind() == FieldLocation.Kind.ELEMENT ? null : f.qualifiedName());
      m.put("type", LocationText.typeName(f.type()));
      m.put("object", f.holder() == null ? null : Names.object(f.holder()));
      m.put("index", f.index() < 0 ? null : f.index());
      m.put("createdAt", f.createdAt() == null ? null : Names.where(f.createdAt()));
      return m;
    }
    if (location instanceof JdkObjectLocation j) {
      m.put("kind", "object");
      m.put("object", Names.object(j.object()));
      m.put("class", j.object().className());
      m.put("type", j.type());
      m.put("createdAt", j.createdAt() == null ? null : Names.where(j.createdAt()));
      return m;
    }
    throw new IllegalArgumentException("no JSON for " + location);
  }

  private static Map<String, Object> access(RacyAccess a) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("thread", Names.thread(a.thread()));
    m.put("operation", a.operation());
    m.put("argument", a.argument() == null ? null : Values.render(a.argument()));
    m.put("accessKind", a.kind().name());
    m.put("where", Names.where(a.where()));
    m.put("stack", frames(a.stack()));
    List<Object> locks = new ArrayList<>();
    for (HeldLock h : a.locksHeld()) {
      Map<String, Object> lock = new LinkedHashMap<>();
      lock.put("lock", Names.lock(h.lock()));
      lock.put("takenAt", h.takenAt() == null ? null : Names.where(h.takenAt()));
      locks.add(lock);
    }
    m.put("locksHeld", locks);
    m.put("origin", a.origin().how().name());
    m.put("originAt", a.origin().at() == null ? null : Names.where(a.origin().at()));
    return m;
  }

  private static Map<String, Object> edge(WaitEdge e) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("thread", Names.thread(e.thread()));
    m.put("at", Names.where(e.at()));
    m.put("daemon", e.daemon());
    m.put("awaits", e.awaited().getClass().getSimpleName().toLowerCase(Locale.ROOT));
    m.put("waitsFor", DeadlockText.waitsFor(e));
    Object subject = e.awaited().subject();
    m.put("object", subject instanceof dev.weft.internal.failure.ObjectId id ? Names.object(id)
        : e.awaited() instanceof Awaited.Join j ? Names.thread(j.target()) : null);
    List<Object> holders = new ArrayList<>();
    for (WaitEdge.Holder h : e.holders()) {
      Map<String, Object> holder = new LinkedHashMap<>();
      holder.put("thread", Names.thread(h.thread()));
      holder.put("takenAt", h.takenAt() == null ? null : Names.where(h.takenAt()));
      holders.add(holder);
    }
    m.put("holders", holders);
    m.put("stack", frames(e.stack()));
    return m;
  }

  private static Map<String, Object> thrown(String thread, Throwable error) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("thread", thread);
    m.put("exception", error.getClass().getName());
    m.put("message", error.getMessage());
    m.put("stack", frames(List.of(error.getStackTrace())));
    return m;
  }

  private static Map<String, Object> lostControl(LostControl l) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("loss", l.getClass().getSimpleName());
    List<LostControl.ThreadState> states = new ArrayList<>();
    if (l instanceof LostControl.Stall s) {
      m.put("timeoutSeconds", s.timeout().toSeconds());
      if (s.running() != null) states.add(s.running());
    }
    if (l instanceof LostControl.KeptRunning k) states.addAll(k.threads());
    if (l instanceof LostControl.RealTimeWait w) {
      m.put("waitedMillis", w.waited().toMillis());
      states.add(w.running());
    }
    if (l instanceof LostControl.OutOfTime o && o.running() != null) states.add(o.running());
    if (l instanceof LostControl.VirtualThreadCreated v) states.add(v.creator());
    List<Object> threads = new ArrayList<>();
    for (LostControl.ThreadState t : states) {
      Map<String, Object> thread = new LinkedHashMap<>();
      thread.put("thread", Names.thread(t.thread()));
      thread.put("state", t.state().name());
      thread.put("stack", frames(t.stack()));
      threads.add(thread);
    }
    m.put("threads", threads);
    return m;
  }

  private static Map<String, Object> history(Violation v) {
    History h = v.history();
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("object", h.objectType());
    m.put("checkedAt", v.checkedAt());
    m.put("model", v.model());
    List<Object> calls = new ArrayList<>();
    for (int id = 0; id < h.size(); id++) {
      Call c = h.call(id);
      Map<String, Object> call = new LinkedHashMap<>();
      call.put("thread", History.threadName(c.thread()));
      call.put("call", HistoryText.call(c));
      call.put("start", c.start());
      call.put("end", c.end());
      call.put("conflicting", v.conflicting().contains(id));
      calls.add(call);
    }
    m.put("calls", calls);
    return m;
  }

  private static List<Object> frames(List<StackTraceElement> stack) {
    List<Object> frames = new ArrayList<>();
    for (StackTraceElement e : stack) frames.add(Names.frame(e));
    return frames;
  }

  private static List<Object> output(PrintedOutput output) {
    List<Object> lines = new ArrayList<>();
    for (PrintedOutput.Line line : output.lines()) {
      lines.add(Map.of("stream", line.error() ? "err" : "out", "text", line.text()));
    }
    return lines;
  }
}

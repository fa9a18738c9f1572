package dev.weft.internal;

import dev.weft.internal.failure.PrintedOutput;
import dev.weft.internal.runtime.ControlledRuntime;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.Charset;
import java.util.ArrayList;
import java.util.List;

/**
 * What the program prints while Weft explores it. Shrinking and the traced re-run run the failing
 * program again and again, and a report must not come after pages of the same output: so, for
 * as long as an exploration or replay runs, {@code System.out} and {@code System.err} route what
 * the controlled threads of an execution print into that execution's {@link Capture}. A passing
 * execution's output is printed when it ends (a user sees what a passing test printed, as
 * without Weft); a failing one's is kept for the report, and a re-run's is dropped. What any
 * other thread prints (the test framework's, an uncontrolled thread's, another test's) goes
 * straight to the streams as always. Output written to a stream the program kept from before the
 * exploration is not seen.
 */
final class ProgramOutput implements AutoCloseable {
  /** Bytes kept per execution; a passing execution that prints more is printed as it goes. */
  private static final int MAX_BYTES = 1 << 20;
  /** Lines of output a report shows. */
  private static final int MAX_LINES = 200;

  private final PrintStream originalOut;
  private final PrintStream originalErr;
  private final PrintStream out;
  private final PrintStream err;
  private final Charset charset;
  private volatile Capture current;

  private ProgramOutput() {
    originalOut = System.out;
    originalErr = System.err;
    charset = charsetOf(originalOut);
    out = new PrintStream(new Router(false, originalOut), true, charset);
    err = new PrintStream(new Router(true, originalErr), true, charset);
  }

  /** Routes the program's output until {@link #close}. */
  static ProgramOutput install() {
    ProgramOutput output = new ProgramOutput();
    System.setOut(output.out);
    System.setErr(output.err);
    return output;
  }

  /** Puts the streams back, unless the program replaced them itself. */
  @Override
  public void close() {
    current = null;
    if (System.out == out) System.setOut(originalOut);
    if (System.err == err) System.setErr(originalErr);
  }

  /**
   * Captures the output of the execution about to run. {@code keepLive}: an execution that may
   * pass (exploring, replaying), whose output beyond the limit is printed rather than lost; a
   * re-run's is dropped beyond it.
   */
  Capture capture(boolean keepLive) {
    Capture capture = new Capture(keepLive);
    current = capture;
    return capture;
  }

  /** The execution passed: its output is printed now, in the order it was written. */
  void print(Capture capture) {
    end(capture);
    for (Chunk c : capture.chunks) (c.error ? originalErr : originalOut).write(c.bytes, 0, c.bytes.length);
    capture.chunks.clear();
    originalOut.flush();
    originalErr.flush();
  }

  /** The execution is over; its output stays in {@code capture}. */
  void end(Capture capture) {
    if (current == capture) current = null;
  }

  /** The captured output as lines, for the report. */
  PrintedOutput lines(Capture capture) {
    end(capture);
    List<PrintedOutput.Line> lines = new ArrayList<>();
    int omitted = 0;
    StringBuilder out = new StringBuilder();
    StringBuilder err = new StringBuilder();
    for (Chunk c : capture.chunks) {
      StringBuilder pending = c.error ? err : out;
      pending.append(new String(c.bytes, charset));
      int nl;
      while ((nl = pending.indexOf("\n")) >= 0) {
        String line = pending.substring(0, nl);
        pending.delete(0, nl + 1);
        if (lines.size() < MAX_LINES) {
          lines.add(new PrintedOutput.Line(c.error, stripCarriageReturn(line)));
        } else {
          omitted++;
        }
      }
    }
    for (StringBuilder rest : List.of(out, err)) {
      if (rest.length() == 0) continue;
      if (lines.size() < MAX_LINES) {
        lines.add(new PrintedOutput.Line(rest == err, rest.toString()));
      } else {
        omitted++;
      }
    }
    return new PrintedOutput(lines, omitted + (capture.dropped ? 1 : 0));
  }

  private static String stripCarriageReturn(String line) {
    return line.endsWith("\r") ? line.substring(0, line.length() - 1) : line;
  }

  /** What one execution printed, in order. */
  static final class Capture {
    private final boolean keepLive;
    private final List<Chunk> chunks = new ArrayList<>();
    private int bytes;
    /** More than the limit: printed as it came ({@code keepLive}), else dropped. */
    private boolean overflowed;
    private boolean dropped;

    private Capture(boolean keepLive) {
      this.keepLive = keepLive;
    }

    /** Keeps {@code len} bytes; false when they must go to the stream instead. */
    private synchronized boolean keep(boolean error, byte[] b, int off, int len) {
      if (overflowed) {
        if (!keepLive) dropped = true;
        return !keepLive;
      }
      if (bytes + len > MAX_BYTES) {
        overflowed = true;
        if (!keepLive) {
          dropped = true;
          return true;
        }
        return false;
      }
      byte[] copy = new byte[len];
      System.arraycopy(b, off, copy, 0, len);
      chunks.add(new Chunk(error, copy));
      bytes += len;
      return true;
    }
  }

  private record Chunk(boolean error, byte[] bytes) {}

  /** Sends a write to the running execution's capture or, from any other thread, on. */
  private final class Router extends OutputStream {
    private final boolean error;
    private final PrintStream original;

    Router(boolean error, PrintStream original) {
      this.error = error;
      this.original = original;
    }

    @Override
    public void write(int b) {
      write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] b, int off, int len) {
      Capture capture = current;
      if (capture != null && ControlledRuntime.callerIsControlled()) {
        if (capture.keep(error, b, off, len)) return;
        if (capture.keepLive) {
          // Over the limit: what was kept goes out first, so the order stays right.
          print(capture);
          current = capture;
        }
      }
      original.write(b, off, len);
    }

    /**
     * A captured thread's flush has nothing to flush: it must not reach the real stream, whose
     * lock would be one more step of the program than it takes without Weft.
     */
    @Override
    public void flush() {
      if (current != null && ControlledRuntime.callerIsControlled()) return;
      original.flush();
    }
  }

  /** The charset the stream encodes with (JDK 18+ says; before, the default). */
  private static Charset charsetOf(PrintStream stream) {
    try {
      return (Charset) PrintStream.class.getMethod("charset").invoke(stream);
    } catch (ReflectiveOperationException | RuntimeException beforeJdk18) {
      return Charset.defaultCharset();
    }
  }
}

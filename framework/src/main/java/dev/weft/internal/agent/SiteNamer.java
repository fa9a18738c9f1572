package dev.weft.internal.agent;

/** Registers the sites of one method, tracking the current source line as bytecode is visited. */
final class SiteNamer {
  private final String className;
  private final String method;
  private final String file;
  private int line = -1;
  private int cachedLine = Integer.MIN_VALUE;
  private int cachedSite;

  SiteNamer(String className, String method, String file) {
    this.className = className;
    this.method = method;
    this.file = file;
  }

  void line(int line) {
    if (this.line < 0 && cachedLine < 0 && cachedLine != Integer.MIN_VALUE) {
      // Sites before the first line number (an unwrapped synchronized method's monitor) belong to
      // the method's first line, as the JVM's own stack traces show it.
      SiteRegistry.relocate(cachedSite, line);
    }
    this.line = line;
  }

  /** The id of the current location; consecutive sites on one line share an id. */
  int current() {
    if (cachedLine != line) {
      cachedSite = SiteRegistry.site(className, method, file, line);
      cachedLine = line;
    }
    return cachedSite;
  }
}

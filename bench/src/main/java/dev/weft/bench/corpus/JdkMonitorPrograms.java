package dev.weft.bench.corpus;

import dev.weft.Failure;
import java.util.Observable;
import java.util.Observer;

/**
 * Deadlocks through monitors the JDK takes: {@code java.util.Observable}'s synchronized {@code
 * deleteObserver} (the pattern behind many "listener removal deadlock" reports in Swing-era
 * code), and the class-loading locks of two custom class loaders that delegate to each other
 * (JDK-4670071, which parallel capable loaders made avoidable in JDK 7, still there for loaders
 * that do not register as parallel capable).
 */
@SuppressWarnings("deprecation") // Observable: deprecated, still in old code everywhere
final class JdkMonitorPrograms {
  private JdkMonitorPrograms() {}

  /** A price feed that notifies its observers while holding its own monitor. */
  static class PriceFeed extends Observable {
    synchronized void publish(Object price) {
      setChanged();
      notifyObservers(price);
    }
  }

  static CorpusProgram observable(boolean buggy) {
    return new CorpusProgram(buggy ? "observable-deadlock" : "observable-fixed",
        "JDK java.util.Observable (synchronized JDK method)",
        buggy ? Failure.Kind.DEADLOCK : null, () -> {
          Object registry = new Object();
          PriceFeed feed = new PriceFeed();
          Observer observer = (o, price) -> {
            synchronized (registry) {
              price.hashCode();
            }
          };
          feed.addObserver(observer);
          Thread publisher = new Thread(() -> feed.publish(42));
          publisher.setDaemon(true);
          publisher.start();
          if (buggy) {
            synchronized (registry) {
              feed.deleteObserver(observer);
            }
          } else {
            feed.deleteObserver(observer);
          }
          publisher.join();
          return null;
        }, CorpusProgram.ONLY_A_HANG_SHOWS);
  }

  /** Not parallel capable: {@code loadClass} locks the loader itself. */
  static final class PeerLoader extends ClassLoader {
    private final String prefix;
    PeerLoader peer;
    boolean delegates = true;

    PeerLoader(String prefix) {
      super(null);
      this.prefix = prefix;
    }

    @Override
    protected Class<?> findClass(String name) throws ClassNotFoundException {
      if (delegates && name.startsWith(prefix) && !name.endsWith("Shared")) {
        try {
          return peer.loadClass(peer.prefix + "Shared");
        } catch (ClassNotFoundException notThereEither) {
          // fall through
        }
      }
      throw new ClassNotFoundException(name);
    }
  }

  static CorpusProgram classLoaders(boolean buggy) {
    return new CorpusProgram(buggy ? "classloader-deadlock" : "classloader-fixed",
        "JDK java.lang.ClassLoader class-loading locks (JDK-4670071)",
        buggy ? Failure.Kind.DEADLOCK : null, () -> {
          PeerLoader first = new PeerLoader("one.");
          PeerLoader second = new PeerLoader("two.");
          first.peer = second;
          second.peer = first;
          second.delegates = buggy;
          Thread other = new Thread(() -> load(second, "two.Plugin"));
          other.setDaemon(true);
          other.start();
          load(first, "one.Plugin");
          other.join();
          return null;
        }, CorpusProgram.ONLY_A_HANG_SHOWS);
  }

  private static void load(ClassLoader loader, String name) {
    try {
      loader.loadClass(name);
    } catch (ClassNotFoundException expected) {
      // the locks taken on the way are the point
    }
  }
}

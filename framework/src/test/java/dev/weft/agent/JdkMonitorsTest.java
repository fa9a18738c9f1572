package dev.weft.agent;

import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.Failure;
import dev.weft.Result;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.util.Hashtable;
import java.util.List;
import java.util.Map;
import java.util.Observable;
import java.util.Observer;
import java.util.Vector;
import org.junit.jupiter.api.Test;

/**
 * Monitors the JDK takes for the application: synchronized JDK methods it calls or inherits
 * ({@code Vector}, {@code Hashtable}, {@code StringBuffer}, {@code Observable}), synchronized
 * blocks inside JDK methods ({@code PrintStream}, {@code Observable.notifyObservers}) and the
 * class-loading locks of a custom class loader. A deadlock through them is a DEADLOCK with both
 * threads and lock sites; a lock that does not exist (an override without {@code synchronized}) is never
 * modelled.
 */
@SuppressWarnings("deprecation") // Observable: deprecated, still in old code everywhere
class JdkMonitorsTest {

  /** A subject whose publish holds its own monitor while it notifies (the classic pattern). */
  static class PriceFeed extends Observable {
    synchronized void publish(Object price) {
      setChanged();
      notifyObservers(price);
    }
  }

  /** Inherits Observable's synchronized deleteObserver through a super call. */
  static final class CountingFeed extends PriceFeed {
    int deletions;

    @Override
    public void deleteObserver(Observer o) {
      deletions++;
      super.deleteObserver(o);
    }
  }

  private static void observableDeadlock(PriceFeed feed, boolean unsubscribeUnderRegistry)
      throws InterruptedException {
    Object registry = new Object();
    Observer observer = (o, price) -> {
      synchronized (registry) {
        price.hashCode();
      }
    };
    feed.addObserver(observer);
    Thread publisher = new Thread(() -> feed.publish(42));
    publisher.start();
    if (unsubscribeUnderRegistry) {
      synchronized (registry) {
        feed.deleteObserver(observer);
      }
    } else {
      feed.deleteObserver(observer);
    }
    publisher.join();
  }

  @Test
  void findsTheObservableDeadlockWithBothThreadsAndLockSites() {
    Result result = AgentProbe.assertFinds(Failure.Kind.DEADLOCK,
        () -> observableDeadlock(new PriceFeed(), true));
    String report = result.report();
    assertThat(report).contains("T0 (weft-body) waits at JdkMonitorsTest.java:")
        .contains("for monitor dev.weft.agent.JdkMonitorsTest$PriceFeed@")
        .contains("T1 (").contains("held by T0").contains("held by T1")
        .contains("(taken at JdkMonitorsTest.java:")
        .doesNotContain("LOST CONTROL");
  }

  @Test
  void findsTheDeadlockThroughAnInheritedSynchronizedMethodCalledWithSuper() {
    AgentProbe.assertFinds(Failure.Kind.DEADLOCK,
        () -> observableDeadlock(new CountingFeed(), true));
  }

  @Test
  void unsubscribingOutsideTheRegistryLockPasses() {
    AgentProbe.assertPasses(150, () -> observableDeadlock(new PriceFeed(), false));
    AgentProbe.assertPasses(150, () -> observableDeadlock(new CountingFeed(), false));
  }

  /** T0 takes {@code a} then the JDK method's monitor; T1 takes that monitor then {@code a}. */
  private static void lockOrderInversion(Object jdkLocked, Runnable synchronizedJdkCall,
      boolean inverted) throws InterruptedException {
    Object a = new Object();
    Thread t1 = new Thread(() -> {
      synchronized (jdkLocked) {
        synchronized (a) {
          Thread.yield();
        }
      }
    });
    t1.start();
    if (inverted) {
      synchronized (a) {
        synchronizedJdkCall.run();
      }
    } else {
      synchronized (jdkLocked) {
        synchronized (a) {
          synchronizedJdkCall.run();
        }
      }
    }
    t1.join();
  }

  @Test
  void findsDeadlocksThroughVectorHashtableAndStringBufferCalledThroughTheirInterfaces() {
    List<Integer> vector = new Vector<>();
    Result v = AgentProbe.assertFinds(Failure.Kind.DEADLOCK,
        () -> lockOrderInversion(vector, () -> vector.add(1), true));
    assertThat(v.report()).contains("for monitor java.util.Vector@");
    Map<String, Integer> table = new Hashtable<>();
    Result h = AgentProbe.assertFinds(Failure.Kind.DEADLOCK,
        () -> lockOrderInversion(table, () -> table.put("k", 1), true));
    assertThat(h.report()).contains("for monitor java.util.Hashtable@");
    StringBuffer buffer = new StringBuffer();
    CharSequence chars = buffer;
    AgentProbe.assertFinds(Failure.Kind.DEADLOCK,
        () -> lockOrderInversion(buffer, () -> buffer.append('x').append(chars.length()), true));
  }

  @Test
  void oneLockOrderThroughJdkMonitorsPasses() {
    List<Integer> vector = new Vector<>();
    AgentProbe.assertPasses(100, () -> lockOrderInversion(vector, () -> vector.add(1), false));
    Map<String, Integer> table = new Hashtable<>();
    AgentProbe.assertPasses(100, () -> lockOrderInversion(table, () -> table.put("k", 1), false));
  }

  /** With and without {@code synchronized}: only the first takes the monitor. */
  static final class LockedVector extends Vector<Integer> {
    @Override
    public synchronized boolean add(Integer e) {
      return true;
    }
  }

  static final class PlainVector extends Vector<Object> {
    @Override
    public boolean add(Object e) {
      return true;
    }

    @Override
    public int size() {
      return 0;
    }
  }

  @Test
  void anOverrideWithoutSynchronizedTakesNoMonitor() {
    PlainVector plain = new PlainVector();
    List<Object> asList = plain;
    AgentProbe.assertPasses(150, () -> lockOrderInversion(plain,
        () -> asList.add(asList.size()), true));
  }

  @Test
  void anApplicationOverrideThatIsSynchronizedIsItsOwnMonitor() {
    // The override is unwrapped like any application method: its monitor is found, once.
    LockedVector locked = new LockedVector();
    List<Integer> asList = locked;
    AgentProbe.assertFinds(Failure.Kind.DEADLOCK,
        () -> lockOrderInversion(locked, () -> asList.add(1), true));
  }

  @Test
  void aSynchronizedJdkMethodThatThrowsReleasesItsMonitor() {
    AgentProbe.assertPasses(100, () -> {
      Vector<Integer> vector = new Vector<>();
      Thread other = new Thread(() -> {
        synchronized (vector) {
          vector.add(2);
        }
      });
      other.start();
      try {
        vector.get(5);
      } catch (ArrayIndexOutOfBoundsException expected) {
        // the monitor was released when get threw
      }
      synchronized (vector) {
        vector.add(1);
      }
      other.join();
      assertThat(vector).hasSize(2);
    });
  }

  @Test
  void findsADeadlockThroughAPrintStreamsMonitorWhereTheJdkTakesIt() throws Exception {
    // JDK versions differ in whether println locks the stream's monitor; Weft must follow the JDK.
    boolean printlnLocksTheStream = PrintStreamProbe.printlnBlocksOnTheStreamsMonitor();
    PrintStream stream = new PrintStream(new ByteArrayOutputStream());
    if (printlnLocksTheStream) {
      AgentProbe.assertFinds(Failure.Kind.DEADLOCK,
          () -> lockOrderInversion(stream, () -> stream.println("tick"), true));
    } else {
      AgentProbe.assertPasses(100,
          () -> lockOrderInversion(stream, () -> stream.println("tick"), true));
    }
    AgentProbe.assertPasses(100,
        () -> lockOrderInversion(stream, () -> stream.println("tick"), false));
  }

  /**
   * Two class loaders that are not parallel capable and delegate to each other: each holds its
   * own class-loading lock while asking the other (a deadlock JDK 7 made avoidable with parallel
   * capable loaders, still there for loaders that do not register).
   */
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
      if (delegates && name.startsWith(prefix) && !name.endsWith("Missing")) {
        try {
          return peer.loadClass(peer.prefix + "Missing");
        } catch (ClassNotFoundException expected) {
          // not there either
        }
      }
      throw new ClassNotFoundException(name);
    }
  }

  private static void peerLoaders(boolean bothDelegate) throws InterruptedException {
    PeerLoader first = new PeerLoader("one.");
    PeerLoader second = new PeerLoader("two.");
    first.peer = second;
    second.peer = first;
    second.delegates = bothDelegate;
    Thread other = new Thread(() -> load(second, "two.Thing"));
    other.start();
    load(first, "one.Thing");
    other.join();
  }

  private static void load(ClassLoader loader, String name) {
    try {
      loader.loadClass(name);
    } catch (ClassNotFoundException expected) {
      // the point is the locks taken on the way
    }
  }

  @Test
  void findsTheDeadlockOfTwoClassLoadersThatDelegateToEachOther() {
    Result result = AgentProbe.assertFinds(Failure.Kind.DEADLOCK, () -> peerLoaders(true));
    assertThat(result.report()).contains("for monitor dev.weft.agent.JdkMonitorsTest$PeerLoader@");
  }

  @Test
  void classLoadersThatDelegateOneWayPass() {
    AgentProbe.assertPasses(100, () -> peerLoaders(false));
  }
}

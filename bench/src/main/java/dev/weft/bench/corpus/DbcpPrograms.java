package dev.weft.bench.corpus;

import dev.weft.Failure;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import org.apache.commons.dbcp.ConnectionFactory;
import org.apache.commons.dbcp.PoolableConnectionFactory;
import org.apache.commons.dbcp.PoolingDriver;
import org.apache.commons.pool.impl.GenericObjectPool;

/**
 * commons-dbcp 1.2.2 on commons-pool 1.3, compiled for Java 1.3 (class-file version 47): {@code
 * PoolableConnectionFactory} uses JSR/RET subroutines, {@code PoolingDriver} has {@code static
 * synchronized} methods (no class constants below version 49), and the pool and the factory lock
 * themselves in synchronized methods.
 *
 * <p>The bug, a deadlock of the kind reported against DBCP 1.2 many times: the pool's {@code
 * borrowObject} holds the pool's monitor and calls the factory's synchronized {@code makeObject},
 * which calls the application's {@code ConnectionFactory}; that one records the new connection in
 * a metrics registry under the registry's lock. A reporter thread holds the registry's lock and
 * reads {@code getNumActive()}, synchronized on the pool. The fix reads the pool's figures before
 * taking the registry's lock.
 */
final class DbcpPrograms {
  private DbcpPrograms() {}

  static CorpusProgram metricsDeadlock(boolean buggy) {
    return new CorpusProgram(buggy ? "dbcp-metrics-deadlock" : "dbcp-metrics-fixed",
        "commons-dbcp 1.2.2 + commons-pool 1.3 (class files v47, JSR/RET, static synchronized)",
        buggy ? Failure.Kind.DEADLOCK : null, () -> {
          Object registry = new Object();
          int[] opened = new int[1];
          GenericObjectPool pool = new GenericObjectPool(null);
          ConnectionFactory connections = () -> {
            synchronized (registry) {
              opened[0]++;
            }
            return fakeConnection();
          };
          new PoolableConnectionFactory(connections, pool, null, null, false, true);
          PoolingDriver.setAccessToUnderlyingConnectionAllowed(false); // static synchronized
          int[] reported = new int[1];
          Thread reporter = new Thread(() -> {
            if (buggy) {
              synchronized (registry) {
                reported[0] = pool.getNumActive() + opened[0];
              }
            } else {
              int active = pool.getNumActive();
              synchronized (registry) {
                reported[0] = active + opened[0];
              }
            }
          });
          reporter.setDaemon(true);
          reporter.start();
          Connection c = (Connection) pool.borrowObject();
          c.close();
          reporter.join();
          return null;
        }, CorpusProgram.ONLY_A_HANG_SHOWS);
  }

  /** A JDBC connection that does nothing: the pool only asks for its settings. */
  static Connection fakeConnection() {
    return (Connection) Proxy.newProxyInstance(DbcpPrograms.class.getClassLoader(),
        new Class<?>[] {Connection.class}, (proxy, method, args) -> {
          Class<?> type = method.getReturnType();
          if (type == boolean.class) return method.getName().equals("getAutoCommit");
          if (type == int.class) return 0;
          if (method.getName().equals("toString")) return "FakeConnection";
          return null;
        });
  }
}

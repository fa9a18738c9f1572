package dev.weft.internal.failure;

import dev.weft.Failure;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * No thread can run: each blocked thread waits for something only another one could give.
 *
 * @param edges the blocked threads that make the deadlock, each with what it waits for
 * @param neverEnding when the body had returned: the blocked threads that are not daemons, for
 *     which the JVM would wait forever after main; empty when the body had not returned
 * @param idleWorkers pool workers blocked waiting for a task: blocked, but never part of the cycle
 */
public record Deadlock(List<WaitEdge> edges, List<ThreadRef> neverEnding,
    List<ThreadRef> idleWorkers) implements FailureDetails {

  public Deadlock {
    edges = List.copyOf(edges);
    neverEnding = List.copyOf(neverEnding);
    idleWorkers = List.copyOf(idleWorkers);
  }

  @Override
  public Failure.Kind kind() {
    return Failure.Kind.DEADLOCK;
  }

  @Override
  public Set<Object> subjects() {
    Set<Object> subjects = new HashSet<>();
    for (WaitEdge e : edges) {
      if (e.awaited().subject() != null) subjects.add(e.awaited().subject());
    }
    return Set.copyOf(subjects);
  }
}

package dev.weft.internal.failure;

import dev.weft.Failure;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** No thread can run: each blocked thread waits for something only another one could give. */
public record Deadlock(List<WaitEdge> edges) implements FailureDetails {

  public Deadlock {
    edges = List.copyOf(edges);
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

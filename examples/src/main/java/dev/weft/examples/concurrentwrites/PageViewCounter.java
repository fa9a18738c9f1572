package dev.weft.examples.concurrentwrites;

import java.util.HashMap;
import java.util.Map;

/**
 * Buggy: every request thread updates one plain {@link HashMap}, the Java form of Go's
 * {@code fatal error: concurrent map writes}.
 *
 * <p>{@code HashMap} assumes one writer at a time: two {@code merge} calls that overlap can both
 * read the old count and both store count + 1, drop a new entry while the table resizes, or leave
 * the table corrupt. Nothing orders the two threads' writes either, so neither is guaranteed to
 * see the other's. Where Go crashes, Java carries on with silently wrong numbers, which is why the
 * bug survives into production. {@link PageViewCounterFixed} is the fix.
 */
public final class PageViewCounter implements ViewCounter {
  private final Map<String, Integer> views = new HashMap<>();

  @Override
  public void recordView(String page) {
    views.merge(page, 1, Integer::sum);
  }

  @Override
  public int views(String page) {
    return views.getOrDefault(page, 0);
  }
}

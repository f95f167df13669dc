package io.sinkhole.metrics;

/**
 * One counter that threads add to without an atomic instruction ({@link ThreadCounts}), for what
 * the answering threads count on every query. Made by {@link SinkholeMetrics#threadCounter}.
 */
public final class ThreadCounter {
  private final ThreadCounts counts = new ThreadCounts(1);

  ThreadCounter() {}

  public void increment() {
    counts.increment(0);
  }

  /** The count over every thread. */
  public long count() {
    return counts.sum(0);
  }
}

package io.sinkhole.event;

import java.util.HashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * WARN lines for failing sink writes, at most one per sink and interval with the events lost since
 * the last line: a full disk fails every batch, and a line per batch would bury the log. Used by
 * the writer thread only.
 */
final class SinkFailures {
  private static final Logger LOG = LoggerFactory.getLogger(EventPipeline.class);

  private final long intervalNanos;
  private final Map<String, long[]> state = new HashMap<>();

  SinkFailures(long intervalNanos) {
    this.intervalNanos = intervalNanos;
  }

  /** Records {@code lost} events of {@code sink}; logs when the sink's interval has passed. */
  void report(String sink, int lost, Exception cause) {
    long now = System.nanoTime();
    long[] s = state.computeIfAbsent(sink, k -> new long[] {now - intervalNanos, 0});
    s[1] += lost;
    if (now - s[0] >= intervalNanos) {
      LOG.warn(
          "event sink {} failed: {} events lost since the last report (counted in"
              + " sinkhole_events_dropped_total): {}",
          sink,
          s[1],
          cause.toString());
      s[0] = now;
      s[1] = 0;
    }
  }
}

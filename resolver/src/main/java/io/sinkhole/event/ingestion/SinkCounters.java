package io.sinkhole.event.ingestion;

import io.sinkhole.metrics.SinkholeMetrics;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The per-sink delivery counters, and the WARN line that reports dropped events once per interval
 * rather than once per event.
 */
final class SinkCounters {
  private static final Logger LOG = LoggerFactory.getLogger(SinkCounters.class);
  private static final long WARN_INTERVAL_NANOS = TimeUnit.SECONDS.toNanos(10);

  private final SinkholeMetrics metrics;
  private final String sink;
  private final AtomicLong droppedSinceWarn = new AtomicLong();
  private final AtomicLong lastWarn = new AtomicLong(System.nanoTime() - WARN_INTERVAL_NANOS);

  SinkCounters(SinkholeMetrics metrics, String sink) {
    this.metrics = metrics;
    this.sink = sink;
    delivered(0);
    retried(0);
  }

  void delivered(int n) {
    metrics
        .counter("sinkhole.events.delivered", "Events the destination confirmed", "sink", sink)
        .increment(n);
  }

  /** Counts events in a failed attempt that will be sent again. */
  void retried(int n) {
    metrics
        .counter(
            "sinkhole.events.retried", "Events in attempts that will be repeated", "sink", sink)
        .increment(n);
  }

  void dropped(int n, String reason) {
    metrics
        .counter(
            "sinkhole.events.dropped",
            "Events that did not reach a sink, by sink and reason",
            "sink",
            sink,
            "reason",
            reason)
        .increment(n);
    droppedSinceWarn.addAndGet(n);
    long now = System.nanoTime();
    long last = lastWarn.get();
    if (now - last >= WARN_INTERVAL_NANOS && lastWarn.compareAndSet(last, now)) {
      LOG.warn(
          "sink {}: dropped {} events in the last interval ({}); the spool is full or events are"
              + " too large",
          sink,
          droppedSinceWarn.getAndSet(0),
          reason);
    }
  }
}

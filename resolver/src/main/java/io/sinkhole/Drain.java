package io.sinkhole;

import io.sinkhole.metrics.SinkholeMetrics;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Waits, during a graceful stop, for the queries already taken to be answered. */
final class Drain {
  private static final Logger LOG = LoggerFactory.getLogger(Drain.class);
  private static final long POLL_MILLIS = 5;

  private Drain() {}

  /** Returns when no query is in flight or {@code graceMillis} have passed. */
  static void await(SinkholeMetrics metrics, long graceMillis) {
    long start = System.nanoTime();
    long deadline = start + TimeUnit.MILLISECONDS.toNanos(graceMillis);
    long inFlight = metrics.queriesInFlight();
    LOG.info("stopped taking queries; waiting up to {} ms for {} in flight", graceMillis, inFlight);
    while (inFlight > 0 && System.nanoTime() < deadline) {
      try {
        Thread.sleep(POLL_MILLIS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        break;
      }
      inFlight = metrics.queriesInFlight();
    }
    long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
    if (inFlight > 0) {
      LOG.warn(
          "grace period over after {} ms: {} queries in flight get no answer", millis, inFlight);
    } else {
      LOG.info("every query in flight answered after {} ms", millis);
    }
  }
}

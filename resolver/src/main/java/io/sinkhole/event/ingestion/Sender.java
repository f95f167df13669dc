package io.sinkhole.event.ingestion;

import io.sinkhole.event.spool.Batch;
import io.sinkhole.event.spool.Spool;
import java.io.IOException;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The delivery loop of one sink: reads a batch from the spool, posts it until the service has it,
 * then acknowledges it. One batch is in flight at a time, so after a crash at most that batch (and
 * the halves of it already posted after a 413) is sent again: the at-least-once bound.
 */
final class Sender implements Runnable {
  private static final Logger LOG = LoggerFactory.getLogger(Sender.class);
  private static final long IDLE_MILLIS = 50;
  private static final long MAX_RETRY_AFTER_MILLIS = 10 * 60_000L;

  private final String sink;
  private final Spool spool;
  private final Ingestion ingestion;
  private final TokenSource tokens;
  private final SinkCounters counters;
  private final Settings settings;
  private volatile boolean running = true;
  private final Object wake = new Object();
  private int failures;

  /** Batch limit and waits. */
  record Settings(long batchMaxBytes, long maxBackoffMillis, long authPauseMillis) {}

  Sender(
      String sink,
      Spool spool,
      Ingestion ingestion,
      TokenSource tokens,
      SinkCounters counters,
      Settings settings) {
    this.sink = sink;
    this.spool = spool;
    this.ingestion = ingestion;
    this.tokens = tokens;
    this.counters = counters;
    this.settings = settings;
  }

  @Override
  public void run() {
    while (running) {
      try {
        spool.syncIfDue();
        Batch batch = spool.read(settings.batchMaxBytes());
        if (batch == null) {
          pause(IDLE_MILLIS);
        } else if (deliver(batch.rows())) {
          spool.ack(batch);
        }
      } catch (IOException e) {
        if (running) {
          LOG.error("sink {}: spool failed: {}", sink, e.toString());
          pause(1000);
        }
      }
    }
  }

  /**
   * Asks the loop to end and wakes it from a pause. Not an interrupt: interrupting a thread in the
   * middle of spool I/O closes the spool's file channels (they are interruptible).
   */
  void stop() {
    running = false;
    synchronized (wake) {
      wake.notifyAll();
    }
  }

  /** Posts rows until the service has them all; false only when stopping first. */
  boolean deliver(List<byte[]> rows) {
    int attempt = 0;
    while (running) {
      Attempt a = attempt(rows);
      switch (a.kind()) {
        case DELIVERED -> {
          recovered();
          counters.delivered(rows.size());
          return true;
        }
        case TOO_LARGE -> {
          return split(rows);
        }
        case AUTH -> authFailed(rows, a);
        case RETRY -> retry(rows, a, attempt++);
      }
    }
    return false;
  }

  /**
   * 413: halves are sent on their own. A single row larger than the API's request limit (the batch
   * limit) cannot be sent and is dropped; a 413 for a smaller one is a limit of the endpoint or a
   * proxy in front of it, not of the row, so it stays in the spool and is retried.
   */
  private boolean split(List<byte[]> rows) {
    if (rows.size() == 1 && rows.get(0).length <= settings.batchMaxBytes()) {
      retry(
          rows,
          new Attempt(
              Kind.RETRY,
              -1,
              "413 for a single " + rows.get(0).length + "-byte row: a proxy or endpoint limit"),
          failures);
      return false;
    }
    if (rows.size() == 1) {
      LOG.error(
          "sink {}: a {}-byte event is too large for the API; dropped", sink, rows.get(0).length);
      counters.dropped(1, "too_large");
      return true;
    }
    int mid = rows.size() / 2;
    return deliver(rows.subList(0, mid)) && deliver(rows.subList(mid, rows.size()));
  }

  private Attempt attempt(List<byte[]> rows) {
    try {
      Ingestion.Response r = ingestion.post(rows, tokens.token());
      return Attempt.of(r);
    } catch (IOException e) {
      return new Attempt(Kind.RETRY, -1, e.toString());
    }
  }

  /**
   * 401/403 will not fix themselves within seconds (a role assignment takes up to 30 minutes): one
   * ERROR, then a long pause while events keep spooling, instead of a retry storm.
   */
  private void authFailed(List<byte[]> rows, Attempt a) {
    tokens.invalidate();
    counters.retried(rows.size());
    LOG.error(
        "sink {}: the endpoint refused the credentials ({}); events stay in the spool, next try in"
            + " {} s. Check the role assignment on the DCR and the identity settings.",
        sink,
        a.detail(),
        settings.authPauseMillis() / 1000);
    failures++;
    pause(settings.authPauseMillis());
  }

  private void retry(List<byte[]> rows, Attempt a, int attempt) {
    counters.retried(rows.size());
    if (failures++ % 10 == 0) {
      LOG.warn(
          "sink {}: delivery failed ({}), retrying; events stay in the spool", sink, a.detail());
    }
    pause(backoff(attempt, a.retryAfterMillis()));
  }

  private void recovered() {
    if (failures > 0) {
      LOG.info("sink {}: delivering again after {} failed attempts", sink, failures);
      failures = 0;
    }
  }

  /**
   * Retry-After when the service gave one; else exponential from 250 ms, half jittered. Never below
   * {@link #MIN_BACKOFF_MILLIS}: a Retry-After of 0 or in the past, or a backoff limit set to 0,
   * must not turn retries into a storm against the endpoint.
   */
  long backoff(int attempt, long retryAfterMillis) {
    if (retryAfterMillis >= 0) {
      return Math.max(MIN_BACKOFF_MILLIS, Math.min(retryAfterMillis, MAX_RETRY_AFTER_MILLIS));
    }
    long exp = Math.min(settings.maxBackoffMillis(), 250L << Math.min(attempt, 20));
    long jittered = exp / 2 + ThreadLocalRandom.current().nextLong(exp / 2 + 1);
    return Math.max(MIN_BACKOFF_MILLIS, jittered);
  }

  static final long MIN_BACKOFF_MILLIS = 100;

  private void pause(long millis) {
    try {
      synchronized (wake) {
        if (running) {
          wake.wait(millis);
        }
      }
    } catch (InterruptedException e) {
      running = false;
      Thread.currentThread().interrupt();
    }
  }

  enum Kind {
    DELIVERED,
    TOO_LARGE,
    AUTH,
    RETRY
  }

  /** What one post came to; {@code detail} never holds a token or secret. */
  record Attempt(Kind kind, long retryAfterMillis, String detail) {
    static Attempt of(Ingestion.Response r) {
      int s = r.status();
      Kind k =
          s >= 200 && s < 300
              ? Kind.DELIVERED
              : s == 413 ? Kind.TOO_LARGE : s == 401 || s == 403 ? Kind.AUTH : Kind.RETRY;
      return new Attempt(k, r.retryAfterMillis(), "HTTP " + s + " " + r.excerpt());
    }
  }
}

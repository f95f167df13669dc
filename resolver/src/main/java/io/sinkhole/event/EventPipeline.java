package io.sinkhole.event;

import io.sinkhole.metrics.SinkholeMetrics;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Carries events from the answering threads to the sinks through a bounded queue and one writer
 * thread, so that formatting and I/O never run on an event loop (issue #5).
 *
 * <p>When the queue is full the answering thread does not wait: the event is counted in {@code
 * sinkhole_events_dropped_total{reason="queue_full"}} and a WARN line reports the drops once per
 * interval. Nothing is dropped silently.
 */
public final class EventPipeline implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(EventPipeline.class);
  private static final int BATCH = 1024;
  private static final long PAUSE_NANOS = TimeUnit.MILLISECONDS.toNanos(2);
  private static final int IDLE_ROUNDS = 50;
  private static final long WARN_INTERVAL_NANOS = TimeUnit.SECONDS.toNanos(10);

  private final BlockingQueue<DnsEvent> queue;
  private final List<EventSink> sinks;
  private final SinkholeMetrics metrics;
  private final Thread writer;
  private final AtomicLong droppedSinceWarn = new AtomicLong();
  private final SinkFailures failures = new SinkFailures(WARN_INTERVAL_NANOS);
  private final AtomicLong lastWarn = new AtomicLong(System.nanoTime() - WARN_INTERVAL_NANOS);
  private volatile boolean running = true;

  public EventPipeline(List<EventSink> sinks, SinkholeMetrics metrics, int capacity) {
    this.queue = new ArrayBlockingQueue<>(capacity);
    this.sinks = List.copyOf(sinks);
    this.metrics = metrics;
    sinks.forEach(s -> metrics.eventSinkAdded(s.name()));
    metrics.gauge("sinkhole.events.queued", "Events waiting for the writer thread", queue::size);
    this.writer = new Thread(this::run, "sinkhole-events");
    writer.setDaemon(true);
    writer.start();
  }

  /** Hands an event to the writer; never blocks the caller. */
  public void submit(DnsEvent event) {
    if (queue.offer(event)) {
      return;
    }
    for (EventSink s : sinks) {
      metrics
          .counter(droppedName(), droppedHelp(), "sink", s.name(), "reason", "queue_full")
          .increment();
    }
    droppedSinceWarn.incrementAndGet();
    long now = System.nanoTime();
    long last = lastWarn.get();
    if (now - last >= WARN_INTERVAL_NANOS && lastWarn.compareAndSet(last, now)) {
      LOG.warn(
          "event queue full: dropped {} events in the last interval; sinks are too slow",
          droppedSinceWarn.getAndSet(0));
    }
  }

  /**
   * Takes what has queued, writes it as one batch, then pauses briefly so that the next batch is
   * larger. A writer blocked on an empty queue is woken by every single event: on one core that is
   * a context switch per query (issue #5). After an idle spell it blocks again, so an idle server
   * costs no wake-ups.
   */
  private void run() {
    List<DnsEvent> batch = new ArrayList<>(BATCH);
    int idle = 0;
    while (running || !queue.isEmpty()) {
      try {
        DnsEvent first = idle < IDLE_ROUNDS ? queue.poll() : queue.poll(100, TimeUnit.MILLISECONDS);
        if (first == null) {
          idle++;
          LockSupport.parkNanos(PAUSE_NANOS);
          continue;
        }
        idle = 0;
        batch.add(first);
        queue.drainTo(batch, BATCH - 1);
        deliver(batch);
        boolean full = batch.size() == BATCH;
        batch.clear();
        if (!full) {
          LockSupport.parkNanos(PAUSE_NANOS);
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
  }

  private void deliver(List<DnsEvent> batch) {
    for (EventSink sink : sinks) {
      try {
        int accepted = sink.write(batch);
        metrics
            .counter(
                acceptedName(), "Events taken by a sink (written or spooled)", "sink", sink.name())
            .increment(accepted);
      } catch (Exception e) {
        metrics
            .counter(droppedName(), droppedHelp(), "sink", sink.name(), "reason", "write_error")
            .increment(batch.size());
        failures.report(sink.name(), batch.size(), e);
      }
    }
  }

  private static String acceptedName() {
    return "sinkhole.events.accepted";
  }

  private static String droppedName() {
    return "sinkhole.events.dropped";
  }

  private static String droppedHelp() {
    return "Events that did not reach a sink, by sink and reason";
  }

  /** Writes every queued event, then closes the sinks. */
  @Override
  public void close() {
    running = false;
    try {
      writer.join(TimeUnit.SECONDS.toMillis(30));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    for (EventSink sink : sinks) {
      try {
        sink.close();
      } catch (Exception e) {
        LOG.warn("closing event sink {} failed: {}", sink.name(), e.toString());
      }
    }
  }
}

package io.sinkhole.event.ingestion;

import io.sinkhole.config.SinkConfig;
import io.sinkhole.event.DnsEvent;
import io.sinkhole.event.EventSink;
import io.sinkhole.event.Rows;
import io.sinkhole.event.spool.Record;
import io.sinkhole.event.spool.Spool;
import io.sinkhole.metrics.SinkholeMetrics;
import java.io.IOException;
import java.net.http.HttpClient;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends events to a data collection rule stream through the Logs Ingestion API. {@link #write} only
 * appends to the on-disk spool (on the event writer thread, never an event loop); a sender thread
 * of its own delivers from the spool, so a slow or dead endpoint never slows answers.
 */
public final class LogsIngestionSink implements EventSink {
  private static final Logger LOG = LoggerFactory.getLogger(LogsIngestionSink.class);

  private final String name;
  private final Rows rows;
  private final Predicate<DnsEvent> filter;
  private final Spool spool;
  private final Sender sender;
  private final Thread thread;

  private LogsIngestionSink(
      String name, Rows rows, Predicate<DnsEvent> filter, Spool spool, Sender sender) {
    this.name = name;
    this.rows = rows;
    this.filter = filter;
    this.spool = spool;
    this.sender = sender;
    this.thread = new Thread(sender, "sinkhole-sink-" + name);
    thread.setDaemon(true);
  }

  /** Opens the spool (resuming from its acked position) and starts delivering. */
  public static LogsIngestionSink start(
      SinkConfig c, Path spoolDir, Rows rows, Predicate<DnsEvent> filter, SinkholeMetrics metrics)
      throws IOException {
    SinkCounters counters = new SinkCounters(metrics, c.name());
    SinkConfig.Spool s = c.spool();
    Spool spool =
        Spool.open(
            spoolDir,
            s.maxBytes(),
            s.segmentBytes(),
            s.policy() == SinkConfig.DropPolicy.DROP_OLDEST,
            s.fsyncIntervalMs(),
            counters::dropped);
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    Ingestion ingestion =
        new Ingestion(
            http,
            c.endpoint(),
            c.dcrImmutableId(),
            c.stream(),
            Duration.ofMillis(c.requestTimeoutMs()));
    Sender.Settings settings =
        new Sender.Settings(
            c.batchMaxBytes(), c.maxBackoffMs(), c.authFailurePauseSeconds() * 1000);
    Sender sender =
        new Sender(
            c.name(), spool, ingestion, Credentials.tokens(c.auth(), http), counters, settings);
    LogsIngestionSink sink = new LogsIngestionSink(c.name(), rows, filter, spool, sender);
    sink.registerGauges(metrics);
    sink.thread.start();
    LOG.info(
        "sink {}: sending to {} (spool {}, {} bytes waiting)",
        c.name(),
        Ingestion.uri(c.endpoint(), c.dcrImmutableId(), c.stream()),
        spoolDir.toAbsolutePath(),
        spool.sizeBytes());
    return sink;
  }

  private void registerGauges(SinkholeMetrics metrics) {
    metrics.gauge(
        "sinkhole.spool.size.bytes",
        "Bytes of spool segment files",
        spool::sizeBytes,
        "sink",
        name);
    metrics.gauge(
        "sinkhole.events.oldest.undelivered.age.seconds",
        "Age of the oldest event not yet confirmed by the destination; 0 when none",
        this::oldestAgeSeconds,
        "sink",
        name);
  }

  private double oldestAgeSeconds() {
    long t = spool.oldestUndeliveredMillis();
    return t == 0 ? 0 : Math.max(0, System.currentTimeMillis() - t) / 1000.0;
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public int write(List<DnsEvent> batch) throws IOException {
    List<Record> records = new ArrayList<>(batch.size());
    for (DnsEvent e : batch) {
      if (filter.test(e)) {
        records.add(new Record(e.timeMillis(), rows.bytes(e)));
      }
    }
    return records.isEmpty() ? 0 : spool.append(records);
  }

  private static final long STOP_WAIT_MILLIS = 2_000;

  /** Stops the sender (an unsent batch stays in the spool for the next start) and syncs. */
  @Override
  public void close() throws IOException {
    sender.stop();
    try {
      // Everything accepted is already in the spool, so waiting longer only delays the exit
      // (and a container's stop deadline); a request cut short is sent again at the next start.
      thread.join(STOP_WAIT_MILLIS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    spool.close();
  }
}

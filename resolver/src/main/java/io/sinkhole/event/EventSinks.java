package io.sinkhole.event;

import io.sinkhole.config.SinkConfig;
import io.sinkhole.config.SinkholeConfig;
import io.sinkhole.event.ingestion.LogsIngestionSink;
import io.sinkhole.metrics.SinkholeMetrics;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Builds the configured sinks, each with its schema and filter. */
public final class EventSinks {
  private static final Logger LOG = LoggerFactory.getLogger(EventSinks.class);

  private EventSinks() {}

  /**
   * Opens every sink of {@code events.sinks}; on failure the ones already opened are closed.
   *
   * @param computer the Computer / Dvc value
   */
  public static List<EventSink> open(
      SinkholeConfig.Events events, String computer, SinkholeMetrics metrics) throws IOException {
    ClientAddressFormat clients = ClientAddressFormat.of(events.privacy());
    List<EventSink> out = new ArrayList<>();
    try {
      for (SinkConfig c : events.sinks()) {
        out.add(open(c, events, schema(c, computer, clients), metrics));
        LOG.info(
            "event sink {}: {} rows ({}), {} queries", c.name(), c.schema(), c.type(), c.filter());
      }
      return out;
    } catch (IOException | RuntimeException e) {
      for (EventSink s : out) {
        s.close();
      }
      throw e;
    }
  }

  private static EventSink open(
      SinkConfig c, SinkholeConfig.Events events, EventSchema schema, SinkholeMetrics metrics)
      throws IOException {
    Predicate<DnsEvent> filter = filter(c.filter());
    boolean omitEmpty = c.emptyColumns() == SinkConfig.EmptyColumns.OMIT;
    return switch (c.type()) {
      case FILE -> {
        Path file = c.path() != null ? c.path() : events.file();
        LOG.info("writing DNS events to {}", file.toAbsolutePath());
        RotatingFile rf =
            new RotatingFile(
                file,
                c.rotateMaxBytes(),
                c.rotateIntervalSeconds() * 1000,
                c.keepFiles(),
                c.keepMaxAgeHours() * 3_600_000);
        yield new JsonLinesFileSink(c.name(), file, new Rows(schema, omitEmpty), filter, rf);
      }
      case STDOUT ->
          new StdoutSink(
              c.name(),
              new Rows(schema, omitEmpty),
              filter,
              new FileOutputStream(FileDescriptor.out));
      case LOGS_INGESTION -> {
        Path dir = c.spool().dir() != null ? c.spool().dir() : defaultSpoolDir(events, c);
        yield LogsIngestionSink.start(c, dir, new Rows(schema, omitEmpty), filter, metrics);
      }
    };
  }

  /** {@code spool/<sink>} beside the events file, so one data directory holds both. */
  static Path defaultSpoolDir(SinkholeConfig.Events events, SinkConfig c) {
    Path parent = events.file().toAbsolutePath().getParent();
    return parent.resolve("spool").resolve(c.name());
  }

  static EventSchema schema(SinkConfig c, String computer, ClientAddressFormat clients) {
    return switch (c.schema()) {
      case DNSEVENTS -> new DnsEventsSchema(computer, clients);
      case ASIM -> new AsimDnsSchema(computer, clients);
    };
  }

  static Predicate<DnsEvent> filter(SinkConfig.Filter f) {
    return switch (f) {
      case ALL -> e -> true;
      case MATCHES -> e -> e.verdict().matched();
    };
  }
}

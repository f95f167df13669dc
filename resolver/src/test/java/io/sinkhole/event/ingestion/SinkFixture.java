package io.sinkhole.event.ingestion;

import io.sinkhole.config.ConfigLoader;
import io.sinkhole.config.Overrides;
import io.sinkhole.config.SinkholeConfig;
import io.sinkhole.event.DnsEvent;
import io.sinkhole.event.EventSink;
import io.sinkhole.event.EventSinks;
import io.sinkhole.metrics.SinkholeMetrics;
import io.sinkhole.policy.Verdict;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Sinks built from inline YAML exactly as the server builds them, and numbered events. */
final class SinkFixture {
  static {
    System.setProperty("sinkhole.test.allowTokenUrl", "true");
  }

  private SinkFixture() {}

  static SinkholeConfig.Events events(Path dir, String sinksYaml) throws Exception {
    Path conf = dir.resolve("sinkhole.yaml");
    Files.writeString(
        conf, "events:\n  file: \"" + dir.resolve("events.jsonl") + "\"\n  sinks:\n" + sinksYaml);
    return ConfigLoader.load(conf, Overrides.NONE).events();
  }

  static EventSink open(SinkholeConfig.Events events, SinkholeMetrics metrics) throws Exception {
    return EventSinks.open(events, "test-host", metrics).get(0);
  }

  static Path secret(Path dir) throws Exception {
    Path f = dir.resolve("client-secret");
    Files.writeString(f, "not-a-real-secret\n");
    return f;
  }

  /** Event {@code i}: query name {@code q<i>.zone.example}, so rows can be told apart. */
  static DnsEvent event(int i) {
    return new DnsEvent(
        System.currentTimeMillis(),
        new InetSocketAddress("192.0.2.1", 40000 + i % 1000),
        "udp",
        i & 0xffff,
        "q" + i + ".zone.example",
        1,
        0,
        DnsEvent.Action.ALLOWED,
        Verdict.ALLOW,
        null,
        1_000_000,
        "192.0.2.53:53");
  }

  static List<DnsEvent> events(int from, int to) {
    List<DnsEvent> out = new ArrayList<>();
    for (int i = from; i < to; i++) {
      out.add(event(i));
    }
    return out;
  }

  /** One sample of the registry's Prometheus text, or 0 when the series does not exist. */
  static double metric(SinkholeMetrics metrics, String series) {
    for (String line : metrics.scrape().split("\n")) {
      if (line.startsWith(series + " ")) {
        return Double.parseDouble(line.substring(series.length() + 1).trim());
      }
    }
    return 0;
  }
}

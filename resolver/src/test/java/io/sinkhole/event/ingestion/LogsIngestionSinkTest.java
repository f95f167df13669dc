package io.sinkhole.event.ingestion;

import static io.sinkhole.event.ingestion.SinkFixture.events;
import static io.sinkhole.event.ingestion.SinkFixture.metric;
import static io.sinkhole.event.ingestion.SinkFixture.open;
import static io.sinkhole.event.ingestion.SinkFixture.secret;
import static org.assertj.core.api.Assertions.assertThat;

import io.sinkhole.config.SinkholeConfig;
import io.sinkhole.event.EventSink;
import io.sinkhole.metrics.SinkholeMetrics;
import io.sinkhole.testing.FakeIngestion;
import io.sinkhole.testing.FakeIngestion.Fault;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LogsIngestionSinkTest {
  private static final String DELIVERED = "sinkhole_events_delivered_total{sink=\"sentinel\"}";
  private static final String RETRIED = "sinkhole_events_retried_total{sink=\"sentinel\"}";
  private static final String FAST = "    max_backoff_ms: 200\n    request_timeout_ms: 5000\n";

  @TempDir Path dir;
  private FakeIngestion fake;
  private final SinkholeMetrics metrics = new SinkholeMetrics();

  @BeforeEach
  void startFake() throws Exception {
    fake = FakeIngestion.start();
  }

  @AfterEach
  void stopFake() {
    fake.close();
  }

  private SinkholeConfig.Events config(String extra) throws Exception {
    return SinkFixture.events(dir, fake.sinkYaml("sentinel", secret(dir), FAST + extra));
  }

  @Test
  void faultsAndOutage_everyEventArrivesExactlyOnce() throws Exception {
    fake.maxBodyBytes(8000); // batches of 20000 bytes get 413 and are split
    fake.script(
        Fault.retryAfter(429, "1"),
        Fault.status(500),
        Fault.status(503),
        Fault.connectionReset(),
        Fault.slow(300));

    try (EventSink sink = open(config("    batch_max_bytes: 20000\n"), metrics)) {
      for (int i = 0; i < 500; i += 50) {
        sink.write(events(i, i + 50));
      }
      fake.down(true);
      for (int i = 500; i < 1000; i += 50) {
        sink.write(events(i, i + 50));
      }
      Thread.sleep(1500);
      fake.down(false);

      assertThat(fake.awaitDistinct("Name", 1000, 30_000)).isTrue();
    }
    assertThat(fake.rows()).hasSize(1000);
    assertThat(metric(metrics, DELIVERED)).isEqualTo(1000);
    assertThat(metric(metrics, RETRIED)).isPositive();
  }

  @Test
  void tooManyRequests_waitsForRetryAfter() throws Exception {
    fake.script(Fault.retryAfter(429, "1"));
    long start = System.nanoTime();

    try (EventSink sink = open(config(""), metrics)) {
      sink.write(events(0, 1));
      assertThat(fake.awaitDistinct("Name", 1, 10_000)).isTrue();
    }
    assertThat((System.nanoTime() - start) / 1_000_000).isGreaterThanOrEqualTo(1000);
    assertThat(fake.posts()).isEqualTo(2);
  }

  @Test
  void endpointRefusingEvenSmallRows_with413_keepsThemSpooled_andDeliversOnceItAcceptsThem()
      throws Exception {
    fake.maxBodyBytes(50); // below any gzipped row: a proxy with a tiny body limit

    try (EventSink sink = open(config(""), metrics)) {
      sink.write(events(0, 4));
      Thread.sleep(1500);
      assertThat(fake.rows()).isEmpty();
      assertThat(metrics.scrape()).doesNotContain("reason=\"too_large\",sink=\"sentinel\"} 1");

      fake.maxBodyBytes(1_000_000);
      assertThat(fake.awaitDistinct("Name", 4, 10_000)).isTrue();
    }
  }

  @Test
  void unauthorized_pausesInsteadOfRetryStorm_thenDelivers() throws Exception {
    fake.script(Fault.status(401), Fault.status(403));

    try (EventSink sink = open(config("    auth_failure_pause_seconds: 1\n"), metrics)) {
      sink.write(events(0, 10));
      Thread.sleep(700);
      assertThat(fake.posts()).isEqualTo(1);
      assertThat(fake.awaitDistinct("Name", 10, 10_000)).isTrue();
    }
    assertThat(fake.posts()).isEqualTo(3);
  }

  @Test
  void restartDuringOutage_resumesFromSpoolWithoutLoss() throws Exception {
    fake.down(true);
    SinkholeConfig.Events events = config("");
    try (EventSink sink = open(events, metrics)) {
      for (int i = 0; i < 300; i += 30) {
        sink.write(events(i, i + 30));
      }
      Thread.sleep(300);
    }
    fake.down(false);

    try (EventSink restarted = open(events, new SinkholeMetrics())) {
      assertThat(restarted.name()).isEqualTo("sentinel");
      assertThat(fake.awaitDistinct("Name", 300, 20_000)).isTrue();
    }
    assertThat(fake.rows()).hasSize(300);
  }

  @Test
  void fullSpool_dropOldest_keepsNewestAndCountsEveryDrop() throws Exception {
    Map<String, Integer> got = fillSpool("drop_oldest");

    // The batch in flight when its segment was dropped may still arrive; the middle cannot.
    assertThat(got).containsKey("q1999.zone.example").doesNotContainKey("q1000.zone.example");
    assertDropsAccountFor(got);
  }

  @Test
  void fullSpool_dropNewest_keepsOldestAndCountsEveryDrop() throws Exception {
    Map<String, Integer> got = fillSpool("drop_newest");

    assertThat(got).containsKey("q0.zone.example").doesNotContainKey("q1999.zone.example");
    assertThat(got).doesNotContainKey("q1000.zone.example");
    assertDropsAccountFor(got);
  }

  private Map<String, Integer> fillSpool(String policy) throws Exception {
    fake.down(true);
    String spool =
        "    spool:\n      max_bytes: 65536\n      segment_bytes: 8192\n      policy: "
            + policy
            + "\n";
    try (EventSink sink = open(config(spool), metrics)) {
      for (int i = 0; i < 2000; i += 100) {
        sink.write(events(i, i + 100));
      }
      assertThat(metric(metrics, "sinkhole_spool_size_bytes{sink=\"sentinel\"}"))
          .isLessThanOrEqualTo(65536);
      fake.down(false);
      Thread.sleep(1500);
    }
    return fake.countsBy("Name");
  }

  /** Delivered plus dropped covers all 2000; a dropped batch already in flight may arrive too. */
  private void assertDropsAccountFor(Map<String, Integer> got) {
    double dropped =
        metric(metrics, "sinkhole_events_dropped_total{reason=\"spool_full\",sink=\"sentinel\"}");
    assertThat(dropped).isPositive();
    assertThat(got.size() + dropped).isBetween(2000.0, 2000.0 + 200);
  }
}

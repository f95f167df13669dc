package io.sinkhole.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import io.sinkhole.testing.MixedLoad;
import io.sinkhole.testing.RunningSinkhole;
import io.sinkhole.testing.UnboundUpstream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The exposition of a live server under a little traffic, checked by Prometheus' own linter. */
class LiveMetricsTest {
  static UnboundUpstream unbound;
  static RunningSinkhole sinkhole;
  static String scrape;

  @TempDir Path tmp;

  @BeforeAll
  static void scrapeUnderLoad() throws Exception {
    unbound = UnboundUpstream.start();
    sinkhole = RunningSinkhole.start(unbound.hostPort(), MixedLoad.feedsYaml());
    MixedLoad.round(sinkhole.dns());
    sinkhole.awaitEvents(MixedLoad.BLOCKED.length + 3);
    scrape = sinkhole.http("/metrics");
  }

  @AfterAll
  static void stop() {
    if (sinkhole != null) {
      sinkhole.close();
    }
    if (unbound != null) {
      unbound.close();
    }
  }

  @Test
  void liveScrape_passesPromtoolCheckMetricsWithoutComplaint() throws Exception {
    Path file = tmp.resolve("scrape.txt");
    Files.writeString(file, scrape);

    ExternalTool.Result result =
        ExternalTool.PROMTOOL.runWithInput(tmp, Duration.ofSeconds(60), file, "check", "metrics");

    assertThat(result.output()).as("promtool check metrics").isEmpty();
    assertThat(result.exitCode()).isZero();
  }

  @Test
  void promtool_complainsAboutACounterWithoutTotal() throws Exception {
    Path file = tmp.resolve("bad.txt");
    Files.writeString(
        file,
        "# HELP sinkhole_blocks Blocks.\n# TYPE sinkhole_blocks counter\nsinkhole_blocks 1\n");

    ExternalTool.Result result =
        ExternalTool.PROMTOOL.runWithInput(tmp, Duration.ofSeconds(60), file, "check", "metrics");

    assertThat(result.output()).contains("_total");
  }

  @Test
  void liveScrape_hasTheSeriesThatMustExistFromStartup() {
    assertThat(scrape)
        .contains("sinkhole_build_info{version=\"0.1.0\"} 1")
        .contains("sinkhole_ioc_indicators{feed=\"threatfox-4h_rat\",type=\"domain\"} 4")
        .contains("sinkhole_feed_last_success_timestamp_seconds{feed=\"threatfox-recent\"}")
        .contains("sinkhole_feed_reloads_total{feed=\"threatfox-recent\",result=\"failed\"} 0")
        .contains("sinkhole_feed_failures_total{feed=\"threatfox-4h_rat\",reason=\"missing\"} 0")
        .contains("sinkhole_events_dropped_total{reason=\"queue_full\",sink=\"file\"} 0")
        .contains(
            "sinkhole_upstream_errors_total{reason=\"timeout\",upstream=\""
                + unbound.hostPort()
                + "\"} 0")
        .contains("sinkhole_queries_in_flight 0");
  }

  @Test
  void everyExportedMetric_isInTheMetricsReference() throws Exception {
    String reference = Files.readString(Repo.path("README.md"));
    List<String> families =
        scrape.lines().filter(l -> l.startsWith("# TYPE ")).map(l -> l.split(" ")[2]).toList();

    assertThat(families).hasSizeGreaterThan(30);
    assertThat(families)
        .allSatisfy(
            name -> assertThat(reference).as("README.md metrics reference").contains("`" + name));
  }

  @Test
  void liveScrape_topHitsNameTheListedIndicatorNotTheQueryName() {
    assertThat(scrape)
        .contains(
            "sinkhole_indicator_hits_top{feed=\"threatfox-4h_rat\","
                + "indicator=\"ac-socket.r0csgo.com\",malware=\"4h_rat\"")
        .doesNotContain("indicator=\"beacon.ac-socket.r0csgo.com\"");
  }
}

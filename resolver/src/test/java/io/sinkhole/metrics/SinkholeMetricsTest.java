package io.sinkhole.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SinkholeMetricsTest {
  private final SinkholeMetrics metrics = new SinkholeMetrics();

  @Test
  void indicatorHits_exportTheTopTenWithRanks() {
    for (int i = 0; i < 12; i++) {
      for (int n = 0; n <= i; n++) {
        metrics.indicatorHit("n" + i + ".bad.example", "threatfox", i == 11 ? "4h_rat" : null);
      }
    }

    String scrape = metrics.scrape();

    assertThat(scrape)
        .contains(
            "sinkhole_indicator_hits_top{feed=\"threatfox\",indicator=\"n11.bad.example\","
                + "malware=\"4h_rat\",rank=\"1\"} 12")
        .contains("indicator=\"n2.bad.example\",malware=\"unknown\",rank=\"10\"} 3")
        .doesNotContain("n1.bad.example");
  }

  @Test
  void queriesInFlight_countsStartedMinusFinished_ignoringRejectedQueries() {
    metrics.queryStarted();
    metrics.queryStarted();
    metrics.query(false, 1, QueryOutcome.FORWARDED, 1_000);
    metrics.queryFinished();
    metrics.query(false, 1, QueryOutcome.FORMERR, 1_000);

    assertThat(metrics.queriesInFlight()).isEqualTo(1);
    assertThat(metrics.scrape()).contains("sinkhole_queries_in_flight 1");
  }

  @Test
  void configuredUpstreamAndSink_haveZeroSeriesBeforeTraffic() {
    metrics.upstreamConfigured("192.0.2.1:53");
    metrics.eventSinkAdded("file");
    metrics.buildInfo("0.1.0");

    assertThat(metrics.scrape())
        .contains("sinkhole_upstream_errors_total{reason=\"timeout\",upstream=\"192.0.2.1:53\"} 0")
        .contains("sinkhole_upstream_duration_seconds_count{upstream=\"192.0.2.1:53\"} 0")
        .contains("sinkhole_upstream_probes_total{result=\"failure\",upstream=\"192.0.2.1:53\"} 0")
        .contains("sinkhole_events_dropped_total{reason=\"queue_full\",sink=\"file\"} 0")
        .contains("sinkhole_events_accepted_total{sink=\"file\"} 0")
        .contains("sinkhole_build_info{version=\"0.1.0\"} 1");
  }
}

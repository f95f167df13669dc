package io.sinkhole.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import io.sinkhole.ioc.IndicatorType;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SinkholeMetricsTest {
  private final SinkholeMetrics metrics = new SinkholeMetrics();

  @Test
  void loadedFeed_exportsEveryTypeAndZeroCountersForItsFailures() {
    metrics.feedLoaded(
        "threatfox", Map.of(IndicatorType.DOMAIN, 647, IndicatorType.URL, 114), 1_770_000_000L);

    String scrape = metrics.scrape();

    assertThat(scrape)
        .contains("sinkhole_ioc_indicators{feed=\"threatfox\",type=\"domain\"} 647")
        .contains("sinkhole_ioc_indicators{feed=\"threatfox\",type=\"cidr\"} 0")
        .contains("sinkhole_feed_last_success_timestamp_seconds{feed=\"threatfox\"} 1.77E9")
        .contains("sinkhole_feed_reloads_total{feed=\"threatfox\",result=\"success\"} 0")
        .contains("sinkhole_feed_failures_total{feed=\"threatfox\",reason=\"not_found\"} 0")
        .contains("sinkhole_feed_failures_total{feed=\"threatfox\",reason=\"http\"} 0");
  }

  @Test
  void reloadAndFailure_countAndKeepTheLastSuccessTime() {
    metrics.feedLoaded("local", Map.of(IndicatorType.DOMAIN, 2), 100);
    metrics.feedReloaded("local", Map.of(IndicatorType.DOMAIN, 3), 200);
    metrics.feedFailed("local", FeedFailure.FORMAT);

    assertThat(metrics.scrape())
        .contains("sinkhole_ioc_indicators{feed=\"local\",type=\"domain\"} 3")
        .contains("sinkhole_feed_last_success_timestamp_seconds{feed=\"local\"} 200")
        .contains("sinkhole_feed_reloads_total{feed=\"local\",result=\"success\"} 1")
        .contains("sinkhole_feed_reloads_total{feed=\"local\",result=\"failure\"} 1")
        .contains("sinkhole_feed_failures_total{feed=\"local\",reason=\"format\"} 1");
  }

  @Test
  void removedFeed_hasNoSeriesLeft() {
    metrics.feedLoaded("gone", Map.of(IndicatorType.DOMAIN, 1), 100);

    metrics.feedRemoved("gone");

    assertThat(metrics.scrape()).doesNotContain("feed=\"gone\"");
  }

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
  void queriesInFlight_countsStartedMinusAnswered() {
    metrics.queryStarted();
    metrics.queryStarted();
    metrics.query(false, 1, QueryOutcome.FORWARDED, 1_000);

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

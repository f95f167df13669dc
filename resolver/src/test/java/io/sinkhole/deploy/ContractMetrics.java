package io.sinkhole.deploy;

import java.util.Set;

/**
 * The metric names the resolver promises to export (the metrics contract), as Prometheus sees them:
 * counters with {@code _total}, histograms as {@code _bucket}, {@code _count} and {@code _sum}.
 * Dashboards and alerts may read nothing else, so a renamed metric breaks a test here instead of a
 * panel in production.
 */
final class ContractMetrics {
  private static final Set<String> COUNTERS =
      Set.of(
          "sinkhole_queries_total",
          "sinkhole_blocks_total",
          "sinkhole_upstream_errors_total",
          "sinkhole_cache_requests_total",
          "sinkhole_feed_failures_total",
          "sinkhole_feed_reloads_total",
          "sinkhole_malformed_queries_total",
          "sinkhole_events_accepted_total",
          "sinkhole_events_delivered_total",
          "sinkhole_events_retried_total",
          "sinkhole_events_dropped_total");
  private static final Set<String> GAUGES =
      Set.of(
          "sinkhole_indicator_hits_top",
          "sinkhole_upstream_healthy",
          "sinkhole_cache_entries",
          "sinkhole_cache_size_bytes",
          "sinkhole_ioc_indicators",
          "sinkhole_feed_last_success_timestamp_seconds",
          "sinkhole_spool_size_bytes",
          "sinkhole_events_oldest_undelivered_age_seconds",
          "jvm_memory_used_bytes",
          "process_cpu_usage",
          "jvm_threads_live_threads",
          // Written by Prometheus itself for every target.
          "up");
  private static final Set<String> HISTOGRAMS =
      Set.of(
          "sinkhole_query_duration_seconds",
          "sinkhole_upstream_duration_seconds",
          "jvm_gc_pause_seconds");

  private ContractMetrics() {}

  static boolean contains(String name) {
    if (COUNTERS.contains(name) || GAUGES.contains(name)) {
      return true;
    }
    for (String suffix : new String[] {"_bucket", "_count", "_sum"}) {
      if (name.endsWith(suffix)
          && HISTOGRAMS.contains(name.substring(0, name.length() - suffix.length()))) {
        return true;
      }
    }
    return false;
  }
}

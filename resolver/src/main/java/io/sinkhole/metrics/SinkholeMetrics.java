package io.sinkhole.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * Every metric Sinkhole exports. Per-query counters are created up front in arrays indexed by
 * protocol, query type and outcome, so counting a query costs an array load and an add, not a
 * registry lookup.
 */
public final class SinkholeMetrics {
  /** Query types with their own label value; everything else is {@code other}. */
  static final String[] QTYPE_LABELS = {
    "A", "AAAA", "CNAME", "MX", "TXT", "NS", "PTR", "SRV", "SOA", "HTTPS", "SVCB", "ANY", "other"
  };

  private static final int[] QTYPE_CODES = {1, 28, 5, 15, 16, 2, 12, 33, 6, 65, 64, 255};
  private static final String[] PROTOCOLS = {"udp", "tcp"};

  private final PrometheusMeterRegistry registry;
  private final Counter[][][] queries;
  private final Timer[][] durations;
  private final Map<String, Counter> byKey = new ConcurrentHashMap<>();
  private final Map<String, Timer> upstreamTimers = new ConcurrentHashMap<>();

  public SinkholeMetrics() {
    registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    new JvmMemoryMetrics().bindTo(registry);
    new JvmGcMetrics().bindTo(registry);
    new JvmThreadMetrics().bindTo(registry);
    new ClassLoaderMetrics().bindTo(registry);
    new ProcessorMetrics().bindTo(registry);
    new UptimeMetrics().bindTo(registry);
    QueryOutcome[] outcomes = QueryOutcome.values();
    queries = new Counter[PROTOCOLS.length][QTYPE_LABELS.length][outcomes.length];
    durations = new Timer[PROTOCOLS.length][outcomes.length];
    for (int p = 0; p < PROTOCOLS.length; p++) {
      for (QueryOutcome o : outcomes) {
        durations[p][o.ordinal()] = queryTimer(PROTOCOLS[p], o);
        for (int t = 0; t < QTYPE_LABELS.length; t++) {
          queries[p][t][o.ordinal()] =
              Counter.builder("sinkhole.queries")
                  .description("DNS queries answered, by protocol, query type and outcome")
                  .tags("protocol", PROTOCOLS[p], "qtype", QTYPE_LABELS[t], "outcome", o.label())
                  .register(registry);
        }
      }
    }
  }

  private Timer queryTimer(String protocol, QueryOutcome o) {
    return Timer.builder("sinkhole.query.duration")
        .description("Time from receiving a query to sending its answer")
        .tags("protocol", protocol, "outcome", o.label())
        .publishPercentileHistogram()
        .minimumExpectedValue(Duration.ofMillis(1).dividedBy(100))
        .maximumExpectedValue(Duration.ofSeconds(10))
        .register(registry);
  }

  public MeterRegistry registry() {
    return registry;
  }

  /** The Prometheus text exposition of every metric. */
  public String scrape() {
    return registry.scrape();
  }

  /** Counts one answered query and its receive-to-send time. */
  public void query(boolean tcp, int qtype, QueryOutcome outcome, long nanos) {
    int p = tcp ? 1 : 0;
    queries[p][qtypeIndex(qtype)][outcome.ordinal()].increment();
    durations[p][outcome.ordinal()].record(nanos, java.util.concurrent.TimeUnit.NANOSECONDS);
  }

  static int qtypeIndex(int qtype) {
    for (int i = 0; i < QTYPE_CODES.length; i++) {
      if (QTYPE_CODES[i] == qtype) {
        return i;
      }
    }
    return QTYPE_LABELS.length - 1;
  }

  /** A counter identified by name and tag pairs, created on first use. */
  public Counter counter(String name, String description, String... tags) {
    String key = name + String.join("\u0000", tags);
    return byKey.computeIfAbsent(
        key, k -> Counter.builder(name).description(description).tags(tags).register(registry));
  }

  /** A gauge that samples {@code value} at scrape time. */
  public void gauge(String name, String description, Supplier<Number> value, String... tags) {
    Gauge.builder(name, value).description(description).tags(tags).register(registry);
  }

  /** Upstream round-trip time histogram for one configured upstream. */
  public Timer upstreamTimer(String upstream) {
    return upstreamTimers.computeIfAbsent(
        upstream,
        u ->
            Timer.builder("sinkhole.upstream.duration")
                .description("Round-trip time of queries forwarded to an upstream")
                .tags("upstream", u)
                .publishPercentileHistogram()
                .minimumExpectedValue(Duration.ofMillis(1).dividedBy(10))
                .maximumExpectedValue(Duration.ofSeconds(10))
                .register(registry));
  }

  public void malformed(String reason) {
    counter(
            "sinkhole.malformed.queries",
            "Queries that could not be parsed, by reason",
            "reason",
            reason)
        .increment();
  }

  public void upstreamError(String upstream, String reason) {
    counter(
            "sinkhole.upstream.errors",
            "Failed upstream exchanges, by upstream and reason",
            "upstream",
            upstream,
            "reason",
            reason)
        .increment();
  }

  public void block(String threatType, String feed, String action) {
    counter(
            "sinkhole.blocks",
            "Queries that matched an indicator, by threat type, feed and action",
            "threat_type",
            threatType == null ? "unknown" : threatType,
            "feed",
            feed,
            "action",
            action)
        .increment();
  }
}

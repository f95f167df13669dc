package io.sinkhole.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
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
import java.util.ArrayList;
import java.util.List;
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

  /** started, finished, then sinkhole_queries_total by protocol, query type and outcome. */
  private final ThreadCounts counts;

  private final QueryDurations durations;
  private final Map<String, Counter> byKey = new ConcurrentHashMap<>();
  private final Map<String, ThreadCounter> threadCounters = new ConcurrentHashMap<>();
  private final Map<String, Timer> upstreamTimers = new ConcurrentHashMap<>();
  private final Map<String, Map<String, Map<String, Counter>>> blocks = new ConcurrentHashMap<>();
  private final TopHits topHits = new TopHits(TOP_HITS_TRACKED);
  private final MultiGauge topHitsGauge;
  private static final int STARTED = 0;
  private static final int FINISHED = 1;
  private static final int FIRST_QUERY_COUNT = 2;

  /** Indicators reported in {@code sinkhole_indicator_hits_top}. */
  static final int TOP_HITS_REPORTED = 10;

  /** Counters kept for them: ten times the rows, so the reported ten are rarely displaced. */
  static final int TOP_HITS_TRACKED = 100;

  public SinkholeMetrics() {
    registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    PrometheusConventions.apply(registry);
    PrometheusConventions.processCpuSeconds(registry);
    new JvmMemoryMetrics().bindTo(registry);
    new JvmGcMetrics().bindTo(registry);
    new JvmThreadMetrics().bindTo(registry);
    new ClassLoaderMetrics().bindTo(registry);
    new ProcessorMetrics().bindTo(registry);
    new UptimeMetrics().bindTo(registry);
    topHitsGauge =
        MultiGauge.builder("sinkhole.indicator.hits.top")
            .description("Matches of the most matched indicators since start (approximate top 10)")
            .register(registry);
    gauge("sinkhole.queries.in.flight", "Queries received and not answered yet", this::inFlight);
    QueryOutcome[] outcomes = QueryOutcome.values();
    counts =
        new ThreadCounts(
            FIRST_QUERY_COUNT + PROTOCOLS.length * QTYPE_LABELS.length * outcomes.length);
    String[] outcomeLabels = new String[outcomes.length];
    for (QueryOutcome o : outcomes) {
      outcomeLabels[o.ordinal()] = o.label();
    }
    durations = new QueryDurations(PROTOCOLS, outcomeLabels);
    registry.getPrometheusRegistry().register(durations);
    for (int p = 0; p < PROTOCOLS.length; p++) {
      for (QueryOutcome o : outcomes) {
        for (int t = 0; t < QTYPE_LABELS.length; t++) {
          int cell = queryCell(p, t, o);
          FunctionCounter.builder("sinkhole.queries", counts, c -> c.sum(cell))
              .description("DNS queries answered, by protocol, query type and outcome")
              .tags("protocol", PROTOCOLS[p], "qtype", QTYPE_LABELS[t], "outcome", o.label())
              .register(registry);
        }
      }
    }
  }

  private static int queryCell(int protocol, int qtypeIndex, QueryOutcome o) {
    int outcomes = QueryOutcome.values().length;
    return FIRST_QUERY_COUNT
        + (protocol * QTYPE_LABELS.length + qtypeIndex) * outcomes
        + o.ordinal();
  }

  public MeterRegistry registry() {
    return registry;
  }

  /** The Prometheus text exposition of every metric. */
  public String scrape() {
    refreshTopHits();
    return registry.scrape();
  }

  /** Counts a query entering processing; {@link #queryFinished} counts it out again. */
  public void queryStarted() {
    counts.increment(STARTED);
  }

  /** Queries started and not yet answered; graceful shutdown waits for this to reach zero. */
  public long queriesInFlight() {
    return Math.max(0, inFlight());
  }

  private long inFlight() {
    // finished first: a query that starts and ends between the two reads then counts as in
    // flight, never the reverse, so a drain can end late but never early.
    long done = counts.sum(FINISHED);
    return counts.sum(STARTED) - done;
  }

  /** Counts a query that {@link #queryStarted} counted in as answered. */
  public void queryFinished() {
    counts.increment(FINISHED);
  }

  /**
   * Counts one answered query and its receive-to-send time. Queries rejected before processing
   * (FORMERR, REFUSED) are counted here only, never as started or finished.
   */
  public void query(boolean tcp, int qtype, QueryOutcome outcome, long nanos) {
    int p = tcp ? 1 : 0;
    counts.increment(queryCell(p, qtypeIndex(qtype), outcome));
    durations.record(p, outcome.ordinal(), nanos);
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

  /**
   * A counter identified by name and tag pairs, created on first use, that threads add to without
   * an atomic instruction: for counts taken on every query on the answering threads.
   */
  public ThreadCounter threadCounter(String name, String description, String... tags) {
    String key = name + String.join("\u0000", tags);
    return threadCounters.computeIfAbsent(
        key,
        k -> {
          ThreadCounter c = new ThreadCounter();
          FunctionCounter.builder(name, c, ThreadCounter::count)
              .description(description)
              .tags(tags)
              .register(registry);
          return c;
        });
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
    counter(UPSTREAM_ERRORS, UPSTREAM_ERRORS_HELP, "upstream", upstream, "reason", reason)
        .increment();
  }

  private static final String UPSTREAM_ERRORS = "sinkhole.upstream.errors";
  private static final String UPSTREAM_ERRORS_HELP =
      "Failed upstream exchanges, by upstream and reason";
  private static final String PROBES = "sinkhole.upstream.probes";
  private static final String PROBES_HELP =
      "Health probes (. NS) sent to an upstream, by result; any well-formed reply is a success";

  public void block(String threatType, String feed, String action) {
    // Found by the caller's strings without building a meter id: this runs for every blocked
    // query, and the id and tag strings were a measurable share of its allocation (issue #5).
    String threat = threatType == null ? "unknown" : threatType;
    blocks
        .computeIfAbsent(threat, t -> new ConcurrentHashMap<>())
        .computeIfAbsent(feed, f -> new ConcurrentHashMap<>())
        .computeIfAbsent(action, a -> blockCounter(threat, feed, a))
        .increment();
  }

  private Counter blockCounter(String threat, String feed, String action) {
    return counter(
        "sinkhole.blocks",
        "Queries that matched an indicator, by threat type, feed and action",
        "threat_type",
        threat,
        "feed",
        feed,
        "action",
        action);
  }

  /** Records a match of {@code indicator} (a listed value of {@code feed}) for the top-N table. */
  public void indicatorHit(String indicator, String feed, String malware) {
    topHits.hit(new TopHits.Key(indicator, feed, malware == null ? "unknown" : malware));
  }

  private void refreshTopHits() {
    List<MultiGauge.Row<?>> rows = new ArrayList<>();
    List<TopHits.Hit> top = topHits.top(TOP_HITS_REPORTED);
    for (int i = 0; i < top.size(); i++) {
      TopHits.Key k = top.get(i).key();
      Tags tags =
          Tags.of(
              "rank", Integer.toString(i + 1),
              "indicator", k.indicator(),
              "feed", k.feed(),
              "malware", k.malware());
      rows.add(MultiGauge.Row.of(tags, top.get(i).count()));
    }
    topHitsGauge.register(rows, true);
  }

  /** {@code sinkhole_build_info{version}}: 1, for joining versions onto other series. */
  public void buildInfo(String version) {
    gauge(
        "sinkhole.build.info",
        "Always 1; the labels describe this build",
        () -> 1,
        "version",
        version);
  }

  /**
   * Creates an upstream's series at zero before its first query, so that dashboards and the
   * all-upstreams-failing alert see every configured upstream from the start. The reasons are those
   * {@code UpstreamClient} reports.
   */
  public void upstreamConfigured(String upstream) {
    upstreamTimer(upstream);
    for (String reason : List.of("timeout", "mismatch")) {
      counter(UPSTREAM_ERRORS, UPSTREAM_ERRORS_HELP, "upstream", upstream, "reason", reason);
    }
    for (String result : List.of("success", "failure")) {
      counter(PROBES, PROBES_HELP, "upstream", upstream, "result", result);
    }
  }

  /** Counts one health probe of an upstream. */
  public void upstreamProbe(String upstream, boolean answered) {
    String result = answered ? "success" : "failure";
    counter(PROBES, PROBES_HELP, "upstream", upstream, "result", result).increment();
  }

  /**
   * Creates an event sink's series at zero; the names, help texts and reasons are those of {@code
   * EventPipeline}, which finds these counters again through {@link #counter}.
   */
  public void eventSinkAdded(String sink) {
    counter("sinkhole.events.accepted", "Events written by a sink", "sink", sink);
    for (String reason : List.of("queue_full", "write_error")) {
      counter(
          "sinkhole.events.dropped",
          "Events that did not reach a sink, by sink and reason",
          "sink",
          sink,
          "reason",
          reason);
    }
  }
}

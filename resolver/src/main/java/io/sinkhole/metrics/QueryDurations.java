package io.sinkhole.metrics;

import io.prometheus.metrics.model.registry.Collector;
import io.prometheus.metrics.model.snapshots.ClassicHistogramBuckets;
import io.prometheus.metrics.model.snapshots.HistogramSnapshot;
import io.prometheus.metrics.model.snapshots.HistogramSnapshot.HistogramDataPointSnapshot;
import io.prometheus.metrics.model.snapshots.Labels;
import io.prometheus.metrics.model.snapshots.MetricSnapshot;
import io.prometheus.metrics.model.snapshots.Unit;

/**
 * {@code sinkhole_query_duration_seconds}: receive-to-send times by protocol and outcome, counted
 * per thread without atomic instructions ({@link ThreadCounts}) and summed into a Prometheus
 * histogram when scraped.
 *
 * <p>A Micrometer {@code Timer} did, per query, a bucket search, three atomic adds and two clock
 * readings for its decaying maximum and rotating windows: about 2.5 % of the answering core on the
 * cached workload (perf, issue #5). Here a bucket is found from the position of the duration's
 * highest bits: two buckets per power of two, from 2^13 ns (8.2 us) to 2^34 ns (17.2 s), each bound
 * 1.33-1.5 times the one before.
 */
final class QueryDurations implements Collector {
  static final String NAME = "sinkhole_query_duration_seconds";

  private static final int MIN_EXP = 13;
  private static final int MAX_EXP = 34;

  /** Finite upper bounds; the last bucket, +Inf, comes after them. */
  static final int BOUNDS = 1 + 2 * (MAX_EXP - MIN_EXP);

  private static final int BUCKETS = BOUNDS + 1;
  private static final int SUM = BUCKETS;
  private static final int CELLS_PER_SERIES = BUCKETS + 1;

  private final String[] protocols;
  private final String[] outcomes;
  private final ThreadCounts cells;
  private final double[] upperBounds = upperBoundsSeconds();

  QueryDurations(String[] protocols, String[] outcomes) {
    this.protocols = protocols.clone();
    this.outcomes = outcomes.clone();
    this.cells = new ThreadCounts(protocols.length * outcomes.length * CELLS_PER_SERIES);
  }

  void record(int protocol, int outcome, long nanos) {
    int base = (protocol * outcomes.length + outcome) * CELLS_PER_SERIES;
    cells.increment(base + bucket(nanos));
    cells.add(base + SUM, Math.max(0, nanos));
  }

  /** The bucket whose upper bound is the smallest one at or above {@code nanos}. */
  static int bucket(long nanos) {
    if (nanos <= 1L << MIN_EXP) {
      return 0;
    }
    if (nanos > 1L << MAX_EXP) {
      return BOUNDS;
    }
    long v = nanos - 1; // bounds are inclusive: a duration equal to a bound belongs under it
    int exp = 63 - Long.numberOfLeadingZeros(v);
    int upperHalf = (int) (v >>> (exp - 1)) & 1;
    return 1 + 2 * (exp - MIN_EXP) + upperHalf;
  }

  /**
   * Upper bound of bucket {@code i} in nanoseconds: 2^13, then 1.5 x 2^e and 2^(e+1) for each e.
   */
  static long upperBoundNanos(int i) {
    if (i == 0) {
      return 1L << MIN_EXP;
    }
    int exp = MIN_EXP + (i - 1) / 2;
    return (i - 1) % 2 == 0 ? 3L << (exp - 1) : 1L << (exp + 1);
  }

  private static double[] upperBoundsSeconds() {
    double[] b = new double[BUCKETS];
    for (int i = 0; i < BOUNDS; i++) {
      b[i] = upperBoundNanos(i) / 1e9;
    }
    b[BOUNDS] = Double.POSITIVE_INFINITY;
    return b;
  }

  @Override
  public MetricSnapshot collect() {
    HistogramSnapshot.Builder h =
        HistogramSnapshot.builder()
            .name(NAME)
            .help("Time from receiving a query to sending its answer")
            .unit(Unit.SECONDS);
    for (int p = 0; p < protocols.length; p++) {
      for (int o = 0; o < outcomes.length; o++) {
        h.dataPoint(dataPoint(p, o));
      }
    }
    return h.build();
  }

  private HistogramDataPointSnapshot dataPoint(int protocol, int outcome) {
    int base = (protocol * outcomes.length + outcome) * CELLS_PER_SERIES;
    long[] counts = new long[BUCKETS];
    for (int i = 0; i < BUCKETS; i++) {
      counts[i] = cells.sum(base + i);
    }
    return HistogramDataPointSnapshot.builder()
        .classicHistogramBuckets(ClassicHistogramBuckets.of(upperBounds, counts))
        .sum(cells.sum(base + SUM) / 1e9)
        .labels(Labels.of("outcome", outcomes[outcome], "protocol", protocols[protocol]))
        .build();
  }
}

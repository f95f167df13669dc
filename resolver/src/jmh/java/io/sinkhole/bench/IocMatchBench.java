package io.sinkhole.bench;

import io.sinkhole.ioc.Indicator;
import io.sinkhole.ioc.IocSet;
import io.sinkhole.ioc.IocSetBuilder;
import io.sinkhole.ioc.ThreatInfo;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * {@link IocSet#match} over a million listed names (issue #5: at least 20 million suffix lookups
 * per second on one core, names of 2 to 6 labels, 90 % misses). One operation is one query name;
 * the setup prints the mean labels per query, which turns names/s into suffix probes/s.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xms2g", "-Xmx2g"})
public class IocMatchBench {
  static final int QUERIES = 1 << 16;

  @Param({"1000000"})
  int listed;

  @Param({"0.1"})
  double hitShare;

  IocSet set;
  MatchQueries queries;
  final long[] hashes = new long[128];

  @Setup(Level.Trial)
  public void build() {
    List<String> names = BenchNames.distinct(listed, 1);
    set = buildSet(names);
    queries = new MatchQueries(names, QUERIES, hitShare, 2);
    System.out.printf(
        "%n# %d names listed, %.2f labels per query on average%n",
        set.domainCount(), queries.meanLabels());
  }

  static IocSet buildSet(List<String> names) {
    List<Indicator> indicators = new ArrayList<>(names.size());
    for (int i = 0; i < names.size(); i++) {
      indicators.add(Indicator.domain(names.get(i), ThreatInfo.NONE, i + 1));
    }
    return new IocSetBuilder()
        .addFeed(new IocSetBuilder.FeedOptions(0, "bench", true, false), indicators)
        .build();
  }

  @Benchmark
  @OperationsPerInvocation(QUERIES)
  public int match() {
    MatchQueries q = queries;
    int hits = 0;
    for (int i = 0; i < QUERIES; i++) {
      Object m =
          set.match(q.names[i], q.labelStarts[i], q.labelCounts[i], q.lengths[i], 0L, hashes);
      hits += m == null ? 0 : 1;
    }
    return hits;
  }
}

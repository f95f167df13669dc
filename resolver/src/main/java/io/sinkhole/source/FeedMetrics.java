package io.sinkhole.source;

import io.sinkhole.ioc.IndicatorType;
import io.sinkhole.ioc.IocSet;
import io.sinkhole.metrics.SinkholeMetrics;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The feed metrics the dashboards and alerts read. Labels are the configured feed name, a fixed
 * result or reason, and an indicator type: bounded by the configuration.
 */
final class FeedMetrics {
  private final SinkholeMetrics metrics;

  FeedMetrics(SinkholeMetrics metrics, List<FeedState> feeds, Supplier<IocSet> current) {
    this.metrics = metrics;
    for (FeedState s : feeds) {
      metrics.gauge(
          "sinkhole.feed.last.success.timestamp.seconds",
          "Unix time the feed's contents were last loaded or confirmed current",
          () -> s.lastSuccessMillis() / 1000.0,
          "feed",
          s.name());
      for (IndicatorType type : IndicatorType.values()) {
        if (type != IndicatorType.HASH) {
          indicatorGauge(s.name(), type, current);
        }
      }
      for (FeedUpdate.Result r : FeedUpdate.Result.values()) {
        reloads(s.name(), r);
      }
      for (String reason : REASONS) {
        failures(s.name(), reason);
      }
    }
  }

  private void indicatorGauge(String feed, IndicatorType type, Supplier<IocSet> current) {
    metrics.gauge(
        "sinkhole.ioc.indicators",
        "Indicators in the published set, by feed and type",
        () -> current.get().counts().getOrDefault(feed, Map.of()).getOrDefault(type, 0),
        "feed",
        feed,
        "type",
        type.name().toLowerCase(Locale.ROOT));
  }

  void outcome(FeedUpdate.Outcome o) {
    reloads(o.state().name(), o.result()).increment();
    if (o.result() == FeedUpdate.Result.FAILED) {
      failures(o.state().name(), o.reason()).increment();
    }
  }

  /**
   * Every reason a load can be refused for ({@link FeedRejectedException}), created at zero so that
   * rate() and increase() see the first failure.
   */
  private static final List<String> REASONS =
      List.of("missing", "parse", "problems", "empty", "shrink", "http", "timeout", "download");

  private io.micrometer.core.instrument.Counter failures(String feed, String reason) {
    return metrics.counter(
        "sinkhole.feed.failures",
        "Feed loads that failed and kept the last good contents, by reason",
        "feed",
        feed,
        "reason",
        reason);
  }

  private io.micrometer.core.instrument.Counter reloads(String feed, FeedUpdate.Result r) {
    return metrics.counter(
        "sinkhole.feed.reloads",
        "Feed load attempts, by result",
        "feed",
        feed,
        "result",
        r.label());
  }
}

package io.sinkhole.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.sinkhole.ioc.IndicatorType;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * Per-feed series: indicators loaded by type, time of the last successful load, reloads and
 * failures. Every series of a feed is created, at zero, the first time the feed loads, so that
 * rate() and alerts see a flat line rather than nothing until the first failure.
 */
final class FeedMetrics {
  private static final IndicatorType[] TYPES = IndicatorType.values();

  private final MeterRegistry registry;
  private final Map<String, Feed> feeds = new ConcurrentHashMap<>();

  /** One feed's current values and the meters that read them. */
  private static final class Feed {
    final AtomicLongArray indicators = new AtomicLongArray(TYPES.length);
    volatile double lastSuccessSeconds;
    final List<Meter> meters = new ArrayList<>();
    Counter reloadSuccess;
    Counter reloadFailure;
    final Counter[] failures = new Counter[FeedFailure.values().length];
  }

  FeedMetrics(MeterRegistry registry) {
    this.registry = registry;
  }

  void loaded(String name, Map<IndicatorType, Integer> counts, long epochSeconds) {
    Feed f = feeds.computeIfAbsent(name, this::register);
    for (IndicatorType t : TYPES) {
      f.indicators.set(t.ordinal(), counts.getOrDefault(t, 0));
    }
    f.lastSuccessSeconds = epochSeconds;
  }

  void reloaded(String name, Map<IndicatorType, Integer> counts, long epochSeconds) {
    loaded(name, counts, epochSeconds);
    feeds.get(name).reloadSuccess.increment();
  }

  void failed(String name, FeedFailure reason) {
    Feed f = feeds.computeIfAbsent(name, this::register);
    f.failures[reason.ordinal()].increment();
    f.reloadFailure.increment();
  }

  void removed(String name) {
    Feed f = feeds.remove(name);
    if (f != null) {
      f.meters.forEach(registry::remove);
    }
  }

  private Feed register(String name) {
    Feed f = new Feed();
    for (IndicatorType t : TYPES) {
      f.meters.add(
          Gauge.builder("sinkhole.ioc.indicators", () -> f.indicators.get(t.ordinal()))
              .description("Indicators loaded from a feed, by type (before de-duplication)")
              .tags("feed", name, "type", t.name().toLowerCase(Locale.ROOT))
              .register(registry));
    }
    f.meters.add(
        Gauge.builder("sinkhole.feed.last.success.timestamp.seconds", () -> f.lastSuccessSeconds)
            .description("Unix time of the feed's last successful load")
            .tags("feed", name)
            .register(registry));
    f.reloadSuccess = reloads(name, "success");
    f.reloadFailure = reloads(name, "failure");
    f.meters.add(f.reloadSuccess);
    f.meters.add(f.reloadFailure);
    for (FeedFailure r : FeedFailure.values()) {
      f.failures[r.ordinal()] =
          Counter.builder("sinkhole.feed.failures")
              .description("Failed loads of a feed, by reason; the previous indicators stay")
              .tags("feed", name, "reason", r.label())
              .register(registry);
      f.meters.add(f.failures[r.ordinal()]);
    }
    return f;
  }

  private Counter reloads(String name, String result) {
    return Counter.builder("sinkhole.feed.reloads")
        .description("Reloads of a feed after startup, by result")
        .tags("feed", name, "result", result)
        .register(registry);
  }
}

package io.sinkhole.source;

import io.sinkhole.feed.FeedProblem;
import io.sinkhole.ioc.IndicatorType;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.StringJoiner;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The log lines of a reload: one INFO line per feed (WARN when it failed), and the problems of a
 * newly loaded feed at WARN with file and line, capped so a garbage file cannot flood the log.
 */
final class FeedLog {
  static final int MAX_PROBLEMS_LOGGED = 20;
  private static final Logger LOG = LoggerFactory.getLogger(FeedReloader.class);

  private FeedLog() {}

  static void log(FeedUpdate.Outcome o) {
    if (o.result() == FeedUpdate.Result.FAILED) {
      LOG.warn("feed {}", describe(o));
      return;
    }
    LOG.info("feed {}", describe(o));
    if (o.contents() != null) {
      problems(o.state().name(), o.contents());
    }
  }

  /** One line saying what a reload did to a feed; also the text of {@code POST /admin/reload}. */
  static String describe(FeedUpdate.Outcome o) {
    FeedState s = o.state();
    return switch (o.result()) {
      case OK -> loaded(s, o.contents(), o.detail(), o.millis());
      case KEPT ->
          String.format(
              Locale.ROOT,
              "%s: kept, %s at %s, %d indicators, %d ms",
              s.name(),
              o.detail(),
              s.source.origin(),
              s.goodCount(),
              o.millis());
      case FAILED ->
          String.format(
              Locale.ROOT,
              "%s: failed (%s): %s; keeping the last good %d indicators, %d ms",
              s.name(),
              o.reason(),
              o.detail(),
              s.goodCount(),
              o.millis());
    };
  }

  private static String loaded(FeedState s, FeedContents c, String detail, long millis) {
    String from = detail == null ? s.source.origin() : detail + " of " + s.source.origin();
    return String.format(
        Locale.ROOT,
        "%s: ok, %d indicators (%s) from %s (%s), %d skipped %s, %d problems, %d ms",
        s.name(),
        c.count(),
        byType(c.countByType()),
        from,
        c.format().configName(),
        c.skippedTotal(),
        c.notes().skipped(),
        c.notes().problems().size(),
        millis);
  }

  static String byType(Map<IndicatorType, Integer> counts) {
    StringJoiner j = new StringJoiner(", ");
    counts.forEach((type, n) -> j.add(type.name().toLowerCase(Locale.ROOT) + " " + n));
    return j.length() == 0 ? "none" : j.toString();
  }

  private static void problems(String feed, FeedContents c) {
    List<FeedProblem> problems = c.notes().problems();
    problems.stream()
        .limit(MAX_PROBLEMS_LOGGED)
        .forEach(
            p ->
                LOG.warn(
                    "feed {}: {}:{}: {}: {}", feed, c.file(), p.line(), p.reason(), p.excerpt()));
    if (problems.size() > MAX_PROBLEMS_LOGGED) {
      LOG.warn(
          "feed {}: {} more problems not shown; run 'sinkhole validate' to list them all",
          feed,
          problems.size() - MAX_PROBLEMS_LOGGED);
    }
  }
}

package io.sinkhole.source;

import io.sinkhole.config.ConfigException;
import io.sinkhole.config.SinkholeConfig;
import io.sinkhole.feed.FeedFormat;
import io.sinkhole.feed.FeedReader;
import io.sinkhole.feed.ParseResult;
import io.sinkhole.ioc.IocSet;
import io.sinkhole.ioc.IocSetBuilder;
import io.sinkhole.ioc.IocSetBuilder.FeedOptions;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;

/** Reads every configured feed and builds one new {@link IocSet} snapshot. */
public final class IocLoader {
  private IocLoader() {}

  /** The snapshot and a report per feed. */
  public record Loaded(IocSet iocs, List<FeedReport> reports) {}

  /**
   * Loads every feed whose action is not {@code off}. A missing or unreadable feed file is a
   * configuration error that names the file, line and field of the feed's {@code path}.
   */
  public static Loaded load(SinkholeConfig config) throws ConfigException {
    IocSetBuilder builder = new IocSetBuilder();
    List<FeedReport> reports = new ArrayList<>();
    List<SinkholeConfig.Feed> feeds = config.feeds();
    for (int i = 0; i < feeds.size(); i++) {
      SinkholeConfig.Feed feed = feeds.get(i);
      if (feed.action() == SinkholeConfig.Action.OFF) {
        continue;
      }
      reports.add(loadFeed(config, i, feed, builder));
    }
    return new Loaded(builder.build(), reports);
  }

  private static FeedReport loadFeed(
      SinkholeConfig config, int index, SinkholeConfig.Feed feed, IocSetBuilder builder)
      throws ConfigException {
    Path path = config.baseDir().resolve(feed.path()).normalize();
    long start = System.nanoTime();
    ParseResult parsed;
    FeedFormat format;
    try {
      if (!Files.isRegularFile(path)) {
        throw new IOException("file not found: " + path);
      }
      format = formatOf(feed, path);
      parsed = FeedReader.read(path, format);
    } catch (IOException | IllegalArgumentException e) {
      String pointer = "/feeds/" + index + "/path";
      throw new ConfigException(
          config.source()
              + ": line "
              + config.lineOf(pointer)
              + ": field 'feeds["
              + index
              + "].path': "
              + e.getMessage(),
          e);
    }
    builder.addFeed(
        new FeedOptions(index, feed.name(), feed.subdomains(), feed.urlHosts()),
        parsed.indicators());
    long millis = (System.nanoTime() - start) / 1_000_000;
    return new FeedReport(
        feed.name(),
        path,
        format,
        countByType(parsed),
        parsed.skipped(),
        parsed.problems(),
        millis);
  }

  private static FeedFormat formatOf(SinkholeConfig.Feed feed, Path path) throws IOException {
    if ("auto".equalsIgnoreCase(feed.format())) {
      FeedFormat detected = FeedReader.detect(path);
      if (detected == null) {
        throw new IOException("cannot tell the format of " + path + "; set 'format:'");
      }
      return detected;
    }
    return FeedFormat.fromConfigName(feed.format());
  }

  private static EnumMap<io.sinkhole.ioc.IndicatorType, Integer> countByType(ParseResult r) {
    EnumMap<io.sinkhole.ioc.IndicatorType, Integer> out =
        new EnumMap<>(io.sinkhole.ioc.IndicatorType.class);
    r.indicators().forEach(ind -> out.merge(ind.type(), 1, Integer::sum));
    return out;
  }
}

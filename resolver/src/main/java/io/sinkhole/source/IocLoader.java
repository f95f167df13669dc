package io.sinkhole.source;

import io.sinkhole.config.ConfigException;
import io.sinkhole.config.FeedConfig;
import io.sinkhole.config.SinkholeConfig;
import io.sinkhole.ioc.IocSet;
import io.sinkhole.ioc.IocSetBuilder;
import io.sinkhole.ioc.IocSetBuilder.FeedOptions;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads every configured feed once and builds one {@link IocSet}, for commands that inspect the
 * configuration ({@code sinkhole validate}, {@code sinkhole check}); the server uses {@link
 * FeedReloader}. URL feeds are downloaded, and fall back to the copy the server saved.
 */
public final class IocLoader {
  private IocLoader() {}

  /** The snapshot and a report per feed. */
  public record Loaded(IocSet iocs, List<FeedReport> reports) {}

  /**
   * Loads every feed whose action is not {@code off}. A feed that cannot be read is a configuration
   * error that names the file, line and field of the feed's {@code path} or {@code url}.
   */
  public static Loaded load(SinkholeConfig config) throws ConfigException {
    IocSetBuilder builder = new IocSetBuilder();
    List<FeedReport> reports = new ArrayList<>();
    List<FeedConfig> feeds = config.feeds();
    for (int i = 0; i < feeds.size(); i++) {
      FeedConfig feed = feeds.get(i);
      if (feed.action() == SinkholeConfig.Action.OFF) {
        continue;
      }
      FeedContents contents = readOnce(config, i);
      builder.addFeed(
          new FeedOptions(i, feed.name(), feed.subdomains(), feed.urlHosts()), contents.entries());
      reports.add(contents.report(feed.name()));
    }
    return new Loaded(builder.build(), reports);
  }

  /** Reads feed number {@code index} once and reports what it holds. */
  public static FeedReport read(SinkholeConfig config, int index) throws ConfigException {
    return readOnce(config, index).report(config.feeds().get(index).name());
  }

  private static FeedContents readOnce(SinkholeConfig config, int index) throws ConfigException {
    FeedConfig feed = config.feeds().get(index);
    try {
      if (feed.url() == null) {
        return FeedContents.read(feed, config.baseDir().resolve(feed.path()).normalize());
      }
      return download(config, feed);
    } catch (FeedRejectedException e) {
      String field = feed.url() == null ? "path" : "url";
      String pointer = "/feeds/" + index + "/" + field;
      throw new ConfigException(
          String.format(
              "%s: line %d: field 'feeds[%d].%s': %s",
              config.source(), config.lineOf(pointer), index, field, e.getMessage()),
          e);
    }
  }

  /**
   * Downloads into a scratch directory: the saved copy and its validators belong to the running
   * server, whose next conditional request must match what it actually holds.
   */
  private static FeedContents download(SinkholeConfig config, FeedConfig feed)
      throws FeedRejectedException {
    Path scratch = null;
    try {
      scratch = Files.createTempDirectory("sinkhole-feed");
      HttpFeedSource source = new HttpFeedSource(feed, scratch);
      return FeedContents.read(feed, source.fetch(false));
    } catch (IOException e) {
      throw new FeedRejectedException("download", "no scratch directory: " + e.getMessage(), e);
    } catch (FeedRejectedException e) {
      Path saved = new HttpFeedSource(feed, config.stateDir()).savedCopy();
      if (saved == null) {
        throw e;
      }
      return FeedContents.read(feed, saved);
    } finally {
      deleteTree(scratch);
    }
  }

  private static void deleteTree(Path dir) {
    if (dir == null) {
      return;
    }
    try (var files = Files.list(dir)) {
      for (Path f : (Iterable<Path>) files::iterator) {
        Files.deleteIfExists(f);
      }
      Files.deleteIfExists(dir);
    } catch (IOException e) {
      // A temporary directory left behind is harmless.
    }
  }
}

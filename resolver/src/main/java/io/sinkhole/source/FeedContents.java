package io.sinkhole.source;

import io.sinkhole.config.FeedConfig;
import io.sinkhole.feed.FeedFormat;
import io.sinkhole.feed.FeedReader;
import io.sinkhole.feed.ParseResult;
import io.sinkhole.ioc.IndicatorType;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.Map;

/**
 * One feed file, parsed.
 *
 * @param parsed the indicators, problems and skip counts
 * @param format the format used (configured, or detected from the content)
 * @param file the file that was read
 * @param millis time spent reading and parsing
 */
record FeedContents(ParseResult parsed, FeedFormat format, Path file, long millis) {

  /** Reads {@code file} in the feed's configured format, or the one its content shows. */
  static FeedContents read(FeedConfig feed, Path file) throws FeedRejectedException {
    long start = System.nanoTime();
    try {
      if (!Files.isRegularFile(file)) {
        throw new NoSuchFileException(file.toString());
      }
      FeedFormat format = formatOf(feed, file);
      ParseResult parsed = FeedReader.read(file, format);
      return new FeedContents(parsed, format, file, (System.nanoTime() - start) / 1_000_000);
    } catch (NoSuchFileException e) {
      throw new FeedRejectedException("missing", "file not found: " + file, e);
    } catch (IOException | RuntimeException e) {
      // Parsers report bad lines as problems; an exception means the file as a whole is unusable.
      throw new FeedRejectedException("parse", "cannot read " + file + ": " + e.getMessage(), e);
    }
  }

  private static FeedFormat formatOf(FeedConfig feed, Path file)
      throws IOException, FeedRejectedException {
    if (!"auto".equalsIgnoreCase(feed.format())) {
      return FeedFormat.fromConfigName(feed.format());
    }
    FeedFormat detected = FeedReader.detect(file);
    if (detected == FeedFormat.MISP_WARNINGLIST || detected == FeedFormat.RANK_CSV) {
      // A popular-domains list loaded as a blocklist would block google.com and the like; it
      // belongs under allowlist.files. Naming the format on purpose still loads it.
      throw new FeedRejectedException(
          "parse",
          file
              + " looks like a popular-domains list ("
              + detected.configName()
              + "); use it under allowlist.files, or set the feed's format to load it as a"
              + " blocklist");
    }
    return detected;
  }

  int count() {
    return parsed.indicators().size();
  }

  Map<IndicatorType, Integer> countByType() {
    Map<IndicatorType, Integer> out = new EnumMap<>(IndicatorType.class);
    parsed.indicators().forEach(ind -> out.merge(ind.type(), 1, Integer::sum));
    return out;
  }

  int skippedTotal() {
    return parsed.skipped().values().stream().mapToInt(Integer::intValue).sum();
  }

  FeedReport report(String name) {
    return new FeedReport(
        name, file, format, countByType(), parsed.skipped(), parsed.problems(), millis);
  }
}

package io.sinkhole.source;

import io.sinkhole.config.FeedConfig;
import io.sinkhole.feed.FeedFormat;
import io.sinkhole.feed.FeedReader;
import io.sinkhole.feed.ParseNotes;
import io.sinkhole.ioc.FeedEntries;
import io.sinkhole.ioc.IndicatorType;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Map;

/**
 * One feed file, parsed. The entries are kept in their compact form, which a rebuild after another
 * feed changed reuses (issue #5: about 19 bytes per hosts line instead of about 100 as objects).
 *
 * @param entries the indicators, in file order
 * @param notes the problems and skip counts
 * @param format the format used (configured, or detected from the content)
 * @param file the file that was read
 * @param millis time spent reading and parsing
 */
record FeedContents(
    FeedEntries entries, ParseNotes notes, FeedFormat format, Path file, long millis) {

  /** Reads {@code file} in the feed's configured format, or the one its content shows. */
  static FeedContents read(FeedConfig feed, Path file) throws FeedRejectedException {
    long start = System.nanoTime();
    try {
      if (!Files.isRegularFile(file)) {
        throw new NoSuchFileException(file.toString());
      }
      FeedFormat format = formatOf(feed, file);
      FeedEntries.Builder entries = FeedEntries.builder(expectedBytes(format, file));
      ParseNotes notes = FeedReader.read(file, format, entries);
      long millis = (System.nanoTime() - start) / 1_000_000;
      return new FeedContents(entries.build(), notes, format, file, millis);
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

  /**
   * The entry buffer's first size. A name in a hosts or plain list costs about as many bytes as its
   * line (wire form plus two bytes), so the file size avoids regrowing the buffer; other formats
   * carry far more text per entry and start small.
   */
  private static long expectedBytes(FeedFormat format, Path file) throws IOException {
    boolean lines = format == FeedFormat.HOSTS || format == FeedFormat.DOMAINS;
    return lines ? Files.size(file) + Files.size(file) / 8 : 1 << 16;
  }

  int count() {
    return entries.count();
  }

  Map<IndicatorType, Integer> countByType() {
    return entries.countByType();
  }

  int skippedTotal() {
    return notes.skipped().values().stream().mapToInt(Integer::intValue).sum();
  }

  FeedReport report(String name) {
    return new FeedReport(
        name, file, format, countByType(), notes.skipped(), notes.problems(), millis);
  }
}

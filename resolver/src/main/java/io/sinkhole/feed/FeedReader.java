package io.sinkhole.feed;

import io.sinkhole.ioc.IndicatorSink;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/** Reads a feed file in a given format, or detects the format from the file's first bytes. */
public final class FeedReader {
  private FeedReader() {}

  /**
   * Parses the file.
   *
   * @param format the feed's format, or null to detect it from the content
   * @throws IOException when the file cannot be read, its format cannot be detected, or it is not
   *     in the given format at all
   */
  public static ParseResult read(Path file, FeedFormat format) throws IOException {
    FeedFormat effective = format != null ? format : detect(file);
    try (InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16)) {
      return effective.parser().parse(in);
    }
  }

  /**
   * Parses the file into {@code sink}, entry by entry, without holding the entries (issue #5).
   *
   * @param format the feed's format, or null to detect it from the content
   * @throws IOException as {@link #read(Path, FeedFormat)}
   */
  public static ParseNotes read(Path file, FeedFormat format, IndicatorSink sink)
      throws IOException {
    FeedFormat effective = format != null ? format : detect(file);
    try (InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16)) {
      return effective.parser().parse(in, sink);
    }
  }

  /** The format of the file, detected from its first bytes. */
  public static FeedFormat detect(Path file) throws IOException {
    byte[] head;
    try (InputStream in = Files.newInputStream(file)) {
      head = in.readNBytes(FormatDetector.HEAD_BYTES);
    }
    FeedFormat format = FeedFormat.detect(head);
    if (format == null) {
      throw new IOException("cannot detect the feed format of " + file + "; set it in the config");
    }
    return format;
  }
}

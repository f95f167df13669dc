package io.sinkhole.feed;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** Parses inline fixtures in tests. */
final class Feeds {
  private Feeds() {}

  /** Parses the lines, joined with LF, in the given format. */
  static ParseResult parse(FeedFormat format, String... lines) {
    return parseBytes(format, String.join("\n", lines).getBytes(StandardCharsets.UTF_8));
  }

  static ParseResult parseBytes(FeedFormat format, byte[] content) {
    try {
      return format.parser().parse(new ByteArrayInputStream(content));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}

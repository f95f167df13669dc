package io.sinkhole.metrics;

import java.util.Locale;

/** The {@code reason} label of {@code sinkhole_feed_failures_total}: why a feed did not load. */
public enum FeedFailure {
  /** The file (or mirror URL) does not exist. */
  NOT_FOUND,
  /** The file exists but could not be read. */
  READ,
  /** The content is not in the configured format, or the format cannot be detected. */
  FORMAT,
  /** Downloading from an HTTP mirror failed. */
  HTTP,
  /** Anything else; the log line says what. */
  OTHER;

  String label() {
    return name().toLowerCase(Locale.ROOT);
  }
}

package io.sinkhole.source;

/**
 * A fetch or parse whose result cannot replace a feed's contents. The feed keeps its last good
 * contents; {@link #reason()} becomes the {@code reason} label of {@code
 * sinkhole_feed_failures_total}, so it comes from a fixed set, never from the feed or a server.
 */
final class FeedRejectedException extends Exception {
  private final String reason;

  FeedRejectedException(String reason, String message) {
    super(message);
    this.reason = reason;
  }

  FeedRejectedException(String reason, String message, Throwable cause) {
    super(message, cause);
    this.reason = reason;
  }

  /** One of missing, http, timeout, download, parse, problems, empty, shrink. */
  String reason() {
    return reason;
  }
}

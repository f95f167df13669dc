package io.sinkhole.config;

import java.nio.file.Path;
import java.util.Objects;

/**
 * One indicator feed.
 *
 * @param name unique, short; appears in events and metric labels
 * @param path file, relative to the configuration file's directory
 * @param format a format name, or auto to detect it from the content
 * @param action block, monitor or off
 * @param subdomains whether a listed name also covers every name below it
 * @param urlHosts whether URL indicators block their host name
 * @param blockConfidence claims at or above this confidence get the feed's action
 * @param monitorConfidence claims below the block threshold but at or above this are monitored;
 *     below it they are ignored
 * @param defaultConfidence confidence of entries that carry none (hosts files, plain lists)
 * @param url HTTP(S) address to download the feed from, instead of {@code path}
 * @param refresh how often a {@code url} feed is fetched again: seconds, or 90s, 15m, 1h, 1d
 * @param timeoutMs connect and response timeout of one download
 * @param maxShrink fraction of the last good indicator count a reload may lose before it is refused
 *     and the last good contents kept; 1 accepts anything
 */
public record FeedConfig(
    String name,
    Path path,
    String format,
    SinkholeConfig.Action action,
    Boolean subdomains,
    Boolean urlHosts,
    Integer blockConfidence,
    Integer monitorConfidence,
    Integer defaultConfidence,
    java.net.URI url,
    String refresh,
    Integer timeoutMs,
    Double maxShrink) {
  public FeedConfig {
    if (name == null || name.isBlank()) {
      throw new IllegalArgumentException("every feed needs a name");
    }
    if ((path == null) == (url == null)) {
      throw new IllegalArgumentException("feed '" + name + "' needs either a path or a url");
    }
    FeedSourceChecks.checkUrl(url);
    refresh = Objects.requireNonNullElse(refresh, "1h");
    FeedSourceChecks.seconds("refresh", refresh);
    timeoutMs = Objects.requireNonNullElse(timeoutMs, 10_000);
    if (timeoutMs < 100 || timeoutMs > 600_000) {
      throw new IllegalArgumentException("timeout_ms must be 100-600000, was " + timeoutMs);
    }
    maxShrink = FeedSourceChecks.fraction("max_shrink", maxShrink, 0.5);
    format = Objects.requireNonNullElse(format, "auto");
    action = Objects.requireNonNullElse(action, SinkholeConfig.Action.BLOCK);
    subdomains = Objects.requireNonNullElse(subdomains, true);
    urlHosts = Objects.requireNonNullElse(urlHosts, false);
    blockConfidence = SinkholeConfig.percent("block_confidence", blockConfidence, 0);
    monitorConfidence =
        SinkholeConfig.percent("monitor_confidence", monitorConfidence, blockConfidence);
    defaultConfidence = SinkholeConfig.percent("default_confidence", defaultConfidence, 100);
    if (monitorConfidence > blockConfidence) {
      throw new IllegalArgumentException(
          "monitor_confidence ("
              + monitorConfidence
              + ") is above block_confidence ("
              + blockConfidence
              + ")");
    }
  }

  /** A feed with every policy knob at its default. */
  public FeedConfig(String name, Path path, String format, SinkholeConfig.Action action) {
    this(name, path, format, action, null, null, null, null, null, null, null, null, null);
  }

  /** Seconds between downloads of a {@code url} feed. */
  public long refreshSeconds() {
    return FeedSourceChecks.seconds("refresh", refresh);
  }
}

package io.sinkhole.source;

import io.sinkhole.config.FeedConfig;

/**
 * One configured feed and its last good contents. Written by one thread at a time (the reload
 * thread, or for URL feeds a download thread holding {@link #busy}); the volatile fields are read
 * by metric scrapes.
 */
final class FeedState {
  final int index;
  final FeedConfig feed;
  final FeedSource source;

  /** Set while one thread fetches and parses this feed (see FeedUpdate.runExclusive). */
  final java.util.concurrent.atomic.AtomicBoolean busy =
      new java.util.concurrent.atomic.AtomicBoolean();

  private volatile FeedContents good;
  private volatile long lastSuccessMillis;
  private FileSignature seen;
  private boolean lastAttemptGood;

  FeedState(int index, FeedConfig feed, FeedSource source) {
    this.index = index;
    this.feed = feed;
    this.source = source;
  }

  String name() {
    return feed.name();
  }

  /** The last good contents, or null before the first good load. */
  FeedContents good() {
    return good;
  }

  int goodCount() {
    FeedContents g = good;
    return g == null ? 0 : g.count();
  }

  void accept(FeedContents contents, long nowMillis) {
    good = contents;
    confirmed(nowMillis);
  }

  /** The current contents were found up to date (HTTP 304, an unchanged file). */
  void confirmed(long nowMillis) {
    lastSuccessMillis = nowMillis;
    lastAttemptGood = true;
  }

  void failed() {
    lastAttemptGood = false;
  }

  boolean lastAttemptGood() {
    return lastAttemptGood;
  }

  long lastSuccessMillis() {
    return lastSuccessMillis;
  }

  /** The file's signature when it was last read (local feeds), for the watcher. */
  FileSignature seen() {
    return seen;
  }

  void seen(FileSignature signature) {
    seen = signature;
  }
}

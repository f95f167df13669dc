package io.sinkhole.source;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** One attempt to refresh one feed: fetch, parse, guard, then take the result or keep the old. */
final class FeedUpdate {
  private static final Logger LOG = LoggerFactory.getLogger(FeedUpdate.class);

  private FeedUpdate() {}

  /** The {@code result} label of {@code sinkhole_feed_reloads_total}. */
  enum Result {
    /** New contents were loaded. */
    OK,
    /** Nothing new (HTTP 304): the current contents stay. */
    KEPT,
    /** The fetch, the parse or a guard failed: the last good contents stay. */
    FAILED;

    String label() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  /**
   * @param reason the failure reason (a bounded metric label), null unless FAILED
   * @param detail what happened, for logs and the reload summary
   * @param contents the new contents when OK
   */
  record Outcome(
      FeedState state,
      Result result,
      String reason,
      String detail,
      FeedContents contents,
      long millis) {}

  /**
   * Like {@link #run}, unless another thread is updating the same feed (a periodic download and a
   * manual reload at once): then null, and the running update stands for both.
   */
  static Outcome runExclusive(FeedState s, boolean conditional, long nowMillis) {
    if (!s.busy.compareAndSet(false, true)) {
      return null;
    }
    try {
      return run(s, conditional, nowMillis);
    } finally {
      s.busy.set(false);
    }
  }

  static Outcome run(FeedState s, boolean conditional, long nowMillis) {
    long start = System.nanoTime();
    if (s.source instanceof LocalFileSource local) {
      // Taken before reading, so a write racing with the read shows up at the next poll.
      s.seen(FileSignature.of(local.file()));
    }
    try {
      Path file = s.source.fetch(conditional);
      if (file == null) {
        s.confirmed(nowMillis);
        return new Outcome(s, Result.KEPT, null, "not modified", null, millis(start));
      }
      FeedContents next = parse(s, file);
      keep(s);
      s.accept(next, nowMillis);
      return new Outcome(s, Result.OK, null, null, next, millis(start));
    } catch (FeedRejectedException e) {
      s.failed();
      return new Outcome(s, Result.FAILED, e.reason(), e.getMessage(), null, millis(start));
    }
  }

  /** Loads the copy saved by an earlier run; it counts as good as of when it was downloaded. */
  static Outcome fromSavedCopy(FeedState s, Path saved) {
    long start = System.nanoTime();
    try {
      FeedContents contents = FeedContents.read(s.feed, saved);
      s.accept(contents, Files.getLastModifiedTime(saved).toMillis());
      return new Outcome(s, Result.OK, null, "saved copy", contents, millis(start));
    } catch (FeedRejectedException | IOException e) {
      return new Outcome(s, Result.FAILED, "parse", e.getMessage(), null, millis(start));
    }
  }

  private static FeedContents parse(FeedState s, Path file) throws FeedRejectedException {
    try {
      FeedContents next = FeedContents.read(s.feed, file);
      FeedContents last = s.good();
      FeedGuard.check(
          last == null ? null : FeedGuard.Tally.of(last),
          FeedGuard.Tally.of(next),
          s.feed.maxShrink());
      return next;
    } catch (FeedRejectedException e) {
      s.source.discard();
      throw e;
    }
  }

  private static void keep(FeedState s) {
    try {
      s.source.keep();
    } catch (UncheckedIOException e) {
      // Serving the new contents matters more than the copy for the next restart.
      LOG.warn("feed {}: {}: {}", s.name(), e.getMessage(), e.getCause().toString());
    }
  }

  private static long millis(long startNanos) {
    return (System.nanoTime() - startNanos) / 1_000_000;
  }
}

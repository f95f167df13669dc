package io.sinkhole.source;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Notices changed local feed files by polling their signature instead of using a {@code
 * WatchService}: inotify misses the symlink swap Kubernetes uses to update a mounted ConfigMap and
 * sees nothing on NFS or some bind mounts, while one {@code stat} per feed and poll costs nothing
 * measurable. A changed file is only read once its signature has stayed the same for {@link
 * #SETTLE_MILLIS}, so a file still being written is not read half-way.
 */
final class FileWatcher {
  static final long POLL_MILLIS = 500;
  static final long SETTLE_MILLIS = 1000;

  private final Map<FeedState, Candidate> candidates = new HashMap<>();

  private record Candidate(FileSignature signature, long since) {}

  /**
   * Returns the feeds whose file changed since it was last read and has since settled. Feeds found
   * unchanged after a good load are marked as confirmed at {@code nowMillis}.
   */
  List<FeedState> poll(List<FeedState> feeds, long nowMillis) {
    List<FeedState> ready = new ArrayList<>();
    for (FeedState s : feeds) {
      if (!(s.source instanceof LocalFileSource local)) {
        continue;
      }
      FileSignature now = FileSignature.of(local.file());
      if (now.equals(s.seen())) {
        candidates.remove(s);
        if (s.lastAttemptGood()) {
          s.confirmed(nowMillis);
        }
        continue;
      }
      Candidate c = candidates.get(s);
      if (c == null || !c.signature().equals(now)) {
        candidates.put(s, new Candidate(now, nowMillis));
      } else if (nowMillis - c.since() >= SETTLE_MILLIS) {
        candidates.remove(s);
        ready.add(s);
      }
    }
    return ready;
  }
}

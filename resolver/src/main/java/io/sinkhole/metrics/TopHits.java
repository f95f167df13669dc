package io.sinkhole.metrics;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The most matched indicators, counted with the Space-Saving algorithm (Metwally, Agrawal and El
 * Abbadi, "Efficient computation of frequent and top-k elements in data streams", ICDT 2005): at
 * most {@code capacity} counters; a new indicator takes over the smallest counter and inherits its
 * count. Any indicator matched more than N / capacity times in N matches is guaranteed to be held,
 * and a count overstates by at most the smallest counter.
 *
 * <p>Memory stays fixed however many distinct names a feed lists, which is what keeps the {@code
 * indicator} label of {@code sinkhole_indicator_hits_top} bounded. Only matched queries pay for the
 * lock; the sort happens at scrape time.
 */
final class TopHits {
  /** What is counted: a listed value from our own feed, never the query name. */
  record Key(String indicator, String feed, String malware) {}

  /** One reported row. */
  record Hit(Key key, long count) {}

  private static final Comparator<Hit> BY_COUNT =
      Comparator.comparingLong(Hit::count)
          .reversed()
          .thenComparing(h -> h.key().indicator())
          .thenComparing(h -> h.key().feed());

  // Slots in parallel arrays, found by key through the map: replacing the smallest counter scans
  // a plain long[] instead of the map's entries. On a list of 100k names nearly every blocked
  // query is a new indicator and pays for that scan (issue #5).
  private final Key[] keys;
  private final long[] counts;
  private final Map<Key, Integer> slots = new HashMap<>();

  TopHits(int capacity) {
    this.keys = new Key[capacity];
    this.counts = new long[capacity];
  }

  synchronized void hit(Key key) {
    Integer slot = slots.get(key);
    if (slot != null) {
      counts[slot]++;
      return;
    }
    int used = slots.size();
    if (used < keys.length) {
      take(used, key, 1);
      return;
    }
    int smallest = 0;
    for (int i = 1; i < counts.length; i++) {
      if (counts[i] < counts[smallest]) {
        smallest = i;
      }
    }
    slots.remove(keys[smallest]);
    take(smallest, key, counts[smallest] + 1);
  }

  private void take(int slot, Key key, long count) {
    keys[slot] = key;
    counts[slot] = count;
    slots.put(key, slot);
  }

  /** The {@code n} largest counters, largest first; ties by indicator name. */
  synchronized List<Hit> top(int n) {
    List<Hit> all = new ArrayList<>(slots.size());
    for (int i = 0; i < slots.size(); i++) {
      all.add(new Hit(keys[i], counts[i]));
    }
    all.sort(BY_COUNT);
    return List.copyOf(all.subList(0, Math.min(n, all.size())));
  }
}

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

  private final int capacity;
  private final Map<Key, long[]> counters = new HashMap<>();

  TopHits(int capacity) {
    this.capacity = capacity;
  }

  synchronized void hit(Key key) {
    long[] count = counters.get(key);
    if (count != null) {
      count[0]++;
      return;
    }
    if (counters.size() < capacity) {
      counters.put(key, new long[] {1});
      return;
    }
    Map.Entry<Key, long[]> smallest = null;
    for (Map.Entry<Key, long[]> e : counters.entrySet()) {
      if (smallest == null || e.getValue()[0] < smallest.getValue()[0]) {
        smallest = e;
      }
    }
    long inherited = smallest.getValue()[0];
    counters.remove(smallest.getKey());
    counters.put(key, new long[] {inherited + 1});
  }

  /** The {@code n} largest counters, largest first; ties by indicator name. */
  synchronized List<Hit> top(int n) {
    List<Hit> all = new ArrayList<>(counters.size());
    counters.forEach((k, c) -> all.add(new Hit(k, c[0])));
    all.sort(BY_COUNT);
    return List.copyOf(all.subList(0, Math.min(n, all.size())));
  }
}

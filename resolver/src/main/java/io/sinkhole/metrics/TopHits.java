package io.sinkhole.metrics;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * The most matched indicators, counted with Space-Saving (Metwally, Agrawal and El Abbadi,
 * "Efficient computation of frequent and top-k elements in data streams", ICDT 2005) under the
 * Randomized Admission Policy (Ben Basat, Chen, Einziger, Friedman and Kassner, "Randomized
 * admission policy for efficient top-k and frequency estimation", INFOCOM 2017): at most {@code
 * capacity} counters; an indicator not held takes over the smallest counter, of value m, only with
 * probability 1 / (m + 1), and then counts from m + 1.
 *
 * <p>Memory stays fixed however many distinct names a feed lists, which is what keeps the {@code
 * indicator} label of {@code sinkhole_indicator_hits_top} bounded. Plain Space-Saving replaced a
 * counter, and rescanned for the smallest, on nearly every blocked query of a 100k-name list; with
 * the admission step such a stream mostly costs one map lookup, and the paper shows the estimates
 * are as good or better on skewed streams (issue #5). Only matched queries pay for the lock; the
 * sort happens at scrape time.
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

  // Slots in parallel arrays, found by key through the map: finding the smallest counter scans a
  // plain long[] instead of the map's entries.
  private final Key[] keys;
  private final long[] counts;
  private final Map<Key, Integer> slots = new HashMap<>();
  private final SplittableRandom random;
  private int smallest;
  private boolean smallestStale = true;

  TopHits(int capacity) {
    this(capacity, new SplittableRandom());
  }

  TopHits(int capacity, SplittableRandom random) {
    this.keys = new Key[capacity];
    this.counts = new long[capacity];
    this.random = random;
  }

  synchronized void hit(Key key) {
    Integer slot = slots.get(key);
    if (slot != null) {
      counts[slot]++;
      smallestStale |= slot == smallest;
      return;
    }
    int used = slots.size();
    if (used < keys.length) {
      take(used, key, 1);
      smallestStale = true;
      return;
    }
    if (smallestStale) {
      findSmallest();
    }
    long min = counts[smallest];
    if (random.nextLong(min + 1) != 0) {
      return; // not admitted: the paper's admission step
    }
    slots.remove(keys[smallest]);
    take(smallest, key, min + 1);
    smallestStale = true;
  }

  private void findSmallest() {
    int s = 0;
    for (int i = 1; i < counts.length; i++) {
      if (counts[i] < counts[s]) {
        s = i;
      }
    }
    smallest = s;
    smallestStale = false;
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

package io.sinkhole.cache;

import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

/**
 * Answers by key, bounded in weighed bytes, evicted by CLOCK (second chance) and dropped when their
 * lifetime ends.
 *
 * <p>Why not Caffeine: its byte-bounded policy relinks an entry in an access-order list on every
 * read, which writes references into old-generation objects. Each such write dirties a card that
 * the next young collection must scan, so with a full cache under load every young pause scanned
 * the whole cache: 10-18 ms pauses on one core in the benchmark's mix workload, the cause of its
 * p99 (the README, "Benchmarks"). Here a read writes only a {@code boolean}, which dirties no card;
 * references are written on insert and removal only.
 */
final class ClockStore<V> {
  private final ConcurrentHashMap<CacheKey, CachedAnswer<V>> map = new ConcurrentHashMap<>();
  private final AtomicLong weight = new AtomicLong();
  private final long maxBytes;
  private final LongSupplier clock;
  private Iterator<Map.Entry<CacheKey, CachedAnswer<V>>> hand;

  ClockStore(long maxBytes, LongSupplier clock) {
    this.maxBytes = maxBytes;
    this.clock = clock;
  }

  /**
   * The live entry for {@code key} at {@code now}, a reading of this store's clock, or null; an
   * entry past its lifetime is removed.
   */
  CachedAnswer<V> get(CacheKey key, long now) {
    CachedAnswer<V> a = map.get(key);
    if (a == null) {
      return null;
    }
    if (a.expired(now)) {
      remove(key, a);
      return null;
    }
    a.touch();
    return a;
  }

  void put(CacheKey key, CachedAnswer<V> a) {
    CachedAnswer<V> old = map.put(key, a);
    weight.addAndGet(weigh(key, a) - (old == null ? 0 : weigh(key, old)));
    if (weight.get() > maxBytes) {
      evict();
    }
  }

  void remove(CacheKey key) {
    CachedAnswer<V> old = map.remove(key);
    if (old != null) {
      weight.addAndGet(-weigh(key, old));
    }
  }

  void clear() {
    map.forEach(this::remove);
  }

  long size() {
    return map.size();
  }

  long weight() {
    return weight.get();
  }

  private boolean remove(CacheKey key, CachedAnswer<V> a) {
    boolean removed = map.remove(key, a);
    if (removed) {
      weight.addAndGet(-weigh(key, a));
    }
    return removed;
  }

  private static int weigh(CacheKey key, CachedAnswer<?> a) {
    return key.weight() + a.weight();
  }

  /**
   * Moves the hand until the weight fits: expired and unreferenced entries go, referenced ones lose
   * their mark. Two turns of the map at most, so that entries put during the sweep cannot keep it
   * going.
   */
  private synchronized void evict() {
    long now = clock.getAsLong();
    long steps = 2L * map.size() + 2;
    while (weight.get() > maxBytes && steps-- > 0) {
      if (hand == null || !hand.hasNext()) {
        hand = map.entrySet().iterator();
        if (!hand.hasNext()) {
          return;
        }
      }
      Map.Entry<CacheKey, CachedAnswer<V>> e = hand.next();
      CachedAnswer<V> a = e.getValue();
      if (!a.expired(now) && a.clearReference()) {
        continue;
      }
      remove(e.getKey(), a);
    }
  }
}

package io.sinkhole.cache;

import com.github.benmanes.caffeine.cache.Ticker;
import io.sinkhole.config.CacheConfig;
import io.sinkhole.metrics.SinkholeMetrics;
import io.sinkhole.metrics.ThreadCounter;
import java.util.function.Predicate;

/**
 * Upstream answers by normalised question, bounded in bytes. Every answer from upstream goes
 * through {@link #put}: a cacheable one replaces what was stored, and one that is not cacheable
 * (TTL 0, SERVFAIL, truncated, a negative answer without SOA) removes it, so a stale entry never
 * outlives a fresher answer (issue #4).
 *
 * @param <V> the inspection result stored with each answer
 */
public final class ResponseCache<V> {
  private final boolean enabled;
  private final Lifetimes lifetimes;
  private final Ticker ticker;
  private final ClockStore<V> entries;
  private final ThreadCounter hits;
  private final ThreadCounter misses;

  /**
   * A cache on {@link System#nanoTime}: callers pass a reading of it as "now" ({@link
   * #get(CacheKey, Predicate, long)}, {@link CachedAnswer#writeTo}).
   */
  public ResponseCache(CacheConfig config, SinkholeMetrics metrics) {
    this(config, metrics, Ticker.systemTicker());
  }

  ResponseCache(CacheConfig config, SinkholeMetrics metrics, Ticker ticker) {
    this.enabled = config.enabled();
    this.lifetimes = new Lifetimes(config.minTtl(), config.maxTtl());
    this.ticker = ticker;
    this.entries = new ClockStore<>(config.maxBytes(), ticker::read);
    String desc = "Response cache lookups, by result";
    this.hits = metrics.threadCounter("sinkhole.cache.requests", desc, "result", "hit");
    this.misses = metrics.threadCounter("sinkhole.cache.requests", desc, "result", "miss");
    metrics.gauge("sinkhole.cache.entries", "Answers in the cache", this::entryCount);
    metrics.gauge("sinkhole.cache.size.bytes", "Weighed size of the cache", this::sizeBytes);
  }

  public boolean enabled() {
    return enabled;
  }

  /**
   * The live entry for {@code key} whose verdict is still {@code valid}, or null; counts a hit or a
   * miss. An entry that is no longer valid is removed.
   *
   * @param now a reading of this cache's clock the caller already has: the answering thread reads
   *     the clock once per batch of queries (issue #5)
   */
  public CachedAnswer<V> get(CacheKey key, Predicate<V> valid, long now) {
    CachedAnswer<V> a = entries.get(key, now);
    if (a != null && !valid.test(a.verdict())) {
      entries.remove(key);
      a = null;
    }
    (a == null ? misses : hits).increment();
    return a;
  }

  /**
   * Stores a fresh upstream answer, or removes the stored one when this answer may not be cached.
   *
   * @return whether the answer was stored
   */
  public boolean put(CacheKey key, byte[] wire, V verdict) {
    if (!enabled) {
      return false;
    }
    AnswerScan scan = AnswerScan.of(wire);
    long seconds = scan == null ? 0 : lifetimes.seconds(wire, scan);
    if (seconds == 0) {
      entries.remove(key);
      return false;
    }
    byte[] stored = normalise(wire, scan, seconds);
    long lifetime = seconds * 1_000_000_000L;
    entries.put(key, new CachedAnswer<>(stored, scan, ticker.read(), lifetime, verdict));
    return true;
  }

  /** A copy with ID 0 and TTLs clamped; the negative SOA TTL becomes the entry's lifetime. */
  private byte[] normalise(byte[] wire, AnswerScan scan, long seconds) {
    byte[] b = wire.clone();
    b[0] = 0;
    b[1] = 0;
    for (int off : scan.ttlOffsets) {
      long ttl = off == scan.soaTtlOffset ? seconds : lifetimes.clamp(AnswerScan.u32(b, off));
      b[off] = (byte) (ttl >>> 24);
      b[off + 1] = (byte) (ttl >>> 16);
      b[off + 2] = (byte) (ttl >>> 8);
      b[off + 3] = (byte) ttl;
    }
    return b;
  }

  public void invalidate(CacheKey key) {
    entries.remove(key);
  }

  public void invalidateAll() {
    entries.clear();
  }

  /** The clock entries are stored and counted down with: for tests that give their own. */
  long nanos() {
    return ticker.read();
  }

  long entryCount() {
    return entries.size();
  }

  long sizeBytes() {
    return entries.weight();
  }
}

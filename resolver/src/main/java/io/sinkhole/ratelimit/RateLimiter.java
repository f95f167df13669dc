package io.sinkhole.ratelimit;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.sinkhole.config.RateLimit;
import java.net.InetAddress;

/**
 * A token bucket per client prefix (/24 and /56 by default), kept in a size-bounded cache so that a
 * flood of spoofed sources evicts old buckets instead of growing memory.
 *
 * <p>Over the limit, every {@code slip}-th answer is sent as an empty TC=1 message and the others
 * are dropped, as BIND's RRL does: a victim of spoofing receives little, and a real client behind a
 * busy prefix still gets through by retrying over TCP, which is not limited.
 */
public final class RateLimiter {
  /** What to do with one UDP query. */
  public enum Decision {
    ANSWER,
    SLIP,
    DROP
  }

  private final Cache<PrefixKey, Bucket> buckets;
  private final double perNano;
  private final double burst;
  private final int v4Prefix;
  private final int v6Prefix;
  private final int slip;
  private final io.sinkhole.access.AccessList exempt;

  public RateLimiter(RateLimit config) {
    this.buckets = Caffeine.newBuilder().maximumSize(config.maxTracked()).build();
    this.perNano = config.qps() / 1e9;
    this.burst = config.burst() > 0 ? config.burst() : config.qps();
    this.v4Prefix = config.ipv4Prefix();
    this.v6Prefix = config.ipv6Prefix();
    this.slip = config.slip();
    this.exempt = io.sinkhole.access.AccessList.of(config.exempt());
  }

  public Decision check(InetAddress client, long nowNanos) {
    if (exempt.allows(client)) {
      return Decision.ANSWER;
    }
    PrefixKey key = PrefixKey.of(client.getAddress(), v4Prefix, v6Prefix);
    Bucket b = buckets.get(key, k -> new Bucket(burst, nowNanos));
    long over = b.take(nowNanos, perNano, burst);
    if (over == 0) {
      return Decision.ANSWER;
    }
    return slip > 0 && over % slip == 0 ? Decision.SLIP : Decision.DROP;
  }

  /** Prefixes currently tracked; for tests and a gauge. */
  public long tracked() {
    buckets.cleanUp();
    return buckets.estimatedSize();
  }
}

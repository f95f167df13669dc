package io.sinkhole.config;

import java.util.Objects;

/**
 * The response cache (issue #4, #5).
 *
 * @param enabled false answers every allowed query from upstream
 * @param minTtl lower bound in seconds on how long an answer is kept (records with TTL 0 are still
 *     never cached, RFC 1035 section 3.2.1)
 * @param maxTtl upper bound in seconds, also applied to the TTLs clients see
 * @param maxBytes size bound of the stored answers in bytes; least useful entries go first
 */
public record CacheConfig(Boolean enabled, Integer minTtl, Integer maxTtl, Long maxBytes) {
  public CacheConfig {
    enabled = Objects.requireNonNullElse(enabled, true);
    minTtl = Objects.requireNonNullElse(minTtl, 0);
    maxTtl = Objects.requireNonNullElse(maxTtl, 86400);
    if (minTtl < 0 || minTtl > 86400) {
      throw new IllegalArgumentException("min_ttl must be 0-86400, was " + minTtl);
    }
    if (maxTtl < minTtl || maxTtl > 604800) {
      throw new IllegalArgumentException("max_ttl must be min_ttl-604800, was " + maxTtl);
    }
    maxBytes = Objects.requireNonNullElse(maxBytes, 64L << 20);
    if (maxBytes < 0) {
      throw new IllegalArgumentException("max_bytes must not be negative, was " + maxBytes);
    }
  }
}

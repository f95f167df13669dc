package io.sinkhole.upstream;

import java.util.List;

/**
 * The configured upstreams in order of preference, with failover to the healthy ones first and a
 * periodic probe of the unhealthy ones.
 */
public final class Upstreams {
  private final List<Upstream> all;
  private final long probeIntervalNanos;

  public Upstreams(List<Upstream> all, long probeIntervalMillis) {
    if (all.isEmpty()) {
      throw new IllegalArgumentException("at least one upstream is needed");
    }
    this.all = List.copyOf(all);
    this.probeIntervalNanos = probeIntervalMillis * 1_000_000L;
  }

  public List<Upstream> all() {
    return all;
  }

  int size() {
    return all.size();
  }

  Upstream get(int i) {
    return all.get(i);
  }

  long probeIntervalNanos() {
    return probeIntervalNanos;
  }

  /**
   * The first upstream in configured order that is healthy or due for its recovery probe; the first
   * one when none is.
   */
  int firstChoice(long nowNanos) {
    for (int i = 0; i < all.size(); i++) {
      Upstream u = all.get(i);
      if (u.healthy() || u.claimProbe(nowNanos, probeIntervalNanos)) {
        return i;
      }
    }
    return 0;
  }

  /** The upstream to try after {@code i}, preferring healthy ones. */
  int next(int i) {
    for (int k = 1; k <= all.size(); k++) {
      int j = (i + k) % all.size();
      if (all.get(j).healthy()) {
        return j;
      }
    }
    return (i + 1) % all.size();
  }

  /** True when at least one upstream is not known to be failing (for readiness). */
  public boolean anyHealthy() {
    return all.stream().anyMatch(Upstream::healthy);
  }
}

package io.sinkhole.upstream;

import java.util.List;

/** The configured upstreams in order of preference, with failover to the healthy ones first. */
public final class Upstreams {
  private final List<Upstream> all;

  public Upstreams(List<Upstream> all) {
    if (all.isEmpty()) {
      throw new IllegalArgumentException("at least one upstream is needed");
    }
    this.all = List.copyOf(all);
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

  /** The first healthy upstream in configured order, or the first one if none is healthy. */
  int firstChoice() {
    for (int i = 0; i < all.size(); i++) {
      if (all.get(i).healthy()) {
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

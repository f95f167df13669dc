package io.sinkhole.upstream;

import java.net.InetSocketAddress;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One upstream resolver and its health, shared by every event loop's client. After {@value
 * #UNHEALTHY_AFTER} consecutive failures it is tried last, but every probe interval one real query
 * goes to it first, so that it recovers once it answers again instead of staying sidelined forever.
 */
public final class Upstream {
  /** Consecutive failures after which an upstream is tried last. */
  static final int UNHEALTHY_AFTER = 3;

  private final InetSocketAddress address;
  private final String label;
  private final AtomicInteger consecutiveFailures = new AtomicInteger();
  private final AtomicLong nextProbeNanos = new AtomicLong();

  public Upstream(InetSocketAddress address, String label) {
    this.address = address;
    this.label = label;
  }

  public InetSocketAddress address() {
    return address;
  }

  /** {@code host:port}, the metric label value. */
  public String label() {
    return label;
  }

  public boolean healthy() {
    return consecutiveFailures.get() < UNHEALTHY_AFTER;
  }

  /**
   * True for exactly one caller per {@code intervalNanos} while this upstream is unhealthy: that
   * caller sends it the next query as a probe.
   */
  boolean claimProbe(long nowNanos, long intervalNanos) {
    long next = nextProbeNanos.get();
    return !healthy()
        && nowNanos - next >= 0
        && nextProbeNanos.compareAndSet(next, nowNanos + intervalNanos);
  }

  void success() {
    if (consecutiveFailures.get() != 0) {
      consecutiveFailures.set(0);
    }
  }

  void failure(long nowNanos, long probeIntervalNanos) {
    if (consecutiveFailures.incrementAndGet() == UNHEALTHY_AFTER) {
      nextProbeNanos.set(nowNanos + probeIntervalNanos);
    }
  }
}

package io.sinkhole.upstream;

import java.net.InetSocketAddress;
import java.util.concurrent.atomic.AtomicInteger;

/** One upstream resolver and its health, shared by every event loop's client. */
public final class Upstream {
  /** Consecutive failures after which an upstream is tried last. */
  static final int UNHEALTHY_AFTER = 3;

  private final InetSocketAddress address;
  private final String label;
  private final AtomicInteger consecutiveFailures = new AtomicInteger();

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

  void success(long rttNanos) {
    if (consecutiveFailures.get() != 0) {
      consecutiveFailures.set(0);
    }
  }

  void failure() {
    consecutiveFailures.incrementAndGet();
  }
}

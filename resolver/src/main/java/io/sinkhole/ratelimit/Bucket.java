package io.sinkhole.ratelimit;

/** Tokens for one prefix. Event loops share prefixes, so access is synchronized. */
final class Bucket {
  private double tokens;
  private long lastNanos;
  private long overLimit;

  Bucket(double tokens, long nowNanos) {
    this.tokens = tokens;
    this.lastNanos = nowNanos;
  }

  /** Takes a token; returns 0 when one was there, else the running count of refusals. */
  synchronized long take(long nowNanos, double perNano, double burst) {
    long elapsed = Math.max(0, nowNanos - lastNanos);
    tokens = Math.min(burst, tokens + elapsed * perNano);
    lastNanos = nowNanos;
    if (tokens >= 1) {
      tokens -= 1;
      return 0;
    }
    return ++overLimit;
  }
}

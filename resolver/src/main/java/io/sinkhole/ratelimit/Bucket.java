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

  /**
   * Takes a token; returns 0 when one was there, else the running count of refusals. Event loops
   * read their clocks once per batch of queries, so {@code nowNanos} may be a little older than a
   * time this bucket has already seen: then nothing refills, and the bucket's time stays where it
   * was, so that no interval is refilled twice.
   */
  synchronized long take(long nowNanos, double perNano, double burst) {
    if (nowNanos > lastNanos) {
      tokens = Math.min(burst, tokens + (nowNanos - lastNanos) * perNano);
      lastNanos = nowNanos;
    }
    if (tokens >= 1) {
      tokens -= 1;
      return 0;
    }
    return ++overLimit;
  }
}

package io.sinkhole.cache;

/**
 * How long an answer may be kept, in seconds; 0 means "do not cache". The rules, each from the
 * fault it prevents:
 *
 * <ul>
 *   <li>a truncated answer (TC=1) is incomplete and is never stored (RFC 2181 section 9);
 *   <li>only NOERROR and NXDOMAIN are stored: SERVFAIL is a transient failure of the upstream and
 *       caching it would extend an outage (RFC 2308 section 7 allows at most five minutes; we keep
 *       none), REFUSED and the rest describe the upstream, not the name;
 *   <li>NXDOMAIN and NODATA live for min(SOA TTL, SOA MINIMUM) of the authority SOA, and without an
 *       SOA they are not cached at all (RFC 2308 sections 3 and 5);
 *   <li>positive answers live for their smallest TTL; a TTL of 0 means "use once" (RFC 1035 section
 *       3.2.1) and is never raised by {@code min_ttl};
 *   <li>everything else is clamped to [{@code min_ttl}, {@code max_ttl}].
 * </ul>
 */
final class Lifetimes {
  private static final int TC = 0x0200;
  private static final int NOERROR = 0;
  private static final int NXDOMAIN = 3;

  private final int minTtl;
  private final int maxTtl;

  Lifetimes(int minTtl, int maxTtl) {
    this.minTtl = minTtl;
    this.maxTtl = maxTtl;
  }

  long seconds(byte[] wire, AnswerScan scan) {
    int flags = AnswerScan.u16(wire, 2);
    int rcode = flags & 0x0f;
    if ((flags & TC) != 0 || (rcode != NOERROR && rcode != NXDOMAIN)) {
      return 0;
    }
    boolean negative = rcode == NXDOMAIN || scan.answerCount == 0;
    long ttl = negative ? scan.negativeTtl : scan.minTtl;
    if (negative && scan.negativeTtl >= 0 && scan.answerCount > 0) {
      ttl = Math.min(ttl, scan.minTtl);
    }
    return ttl <= 0 ? 0 : clamp(ttl);
  }

  long clamp(long ttl) {
    return Math.min(Math.max(ttl, minTtl), maxTtl);
  }
}

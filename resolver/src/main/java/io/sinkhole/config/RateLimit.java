package io.sinkhole.config;

import java.util.List;
import java.util.Objects;

/**
 * Per-client response rate limiting over UDP, in the manner of BIND's RRL: clients are grouped by
 * network prefix because a spoofing attacker can vary the low address bits freely.
 *
 * @param qps answers per second per prefix; 0 turns limiting off
 * @param burst answers a prefix may send at once before the rate applies; 0 means {@code qps}
 * @param ipv4Prefix prefix length grouping IPv4 clients
 * @param ipv6Prefix prefix length grouping IPv6 clients
 * @param slip every Nth answer over the limit is sent as an empty TC=1 answer so that a real client
 *     retries over TCP; the rest are dropped; 0 drops all
 * @param maxTracked prefixes remembered at once; the least recently seen are forgotten
 * @param exempt clients never limited (CIDRs); by default this host itself, so local tools and load
 *     tests are not throttled
 */
public record RateLimit(
    Integer qps,
    Integer burst,
    Integer ipv4Prefix,
    Integer ipv6Prefix,
    Integer slip,
    Integer maxTracked,
    List<String> exempt) {
  /** Answers per second per prefix unless configured: far above a busy office /24's need. */
  static final int DEFAULT_QPS = 1000;

  public RateLimit {
    qps = Objects.requireNonNullElse(qps, DEFAULT_QPS);
    exempt = exempt == null ? List.of("127.0.0.0/8", "::1/128") : List.copyOf(exempt);
    exempt.forEach(io.sinkhole.ioc.Cidr::parse);
    burst = Objects.requireNonNullElse(burst, 0);
    ipv4Prefix = Objects.requireNonNullElse(ipv4Prefix, 24);
    ipv6Prefix = Objects.requireNonNullElse(ipv6Prefix, 56);
    slip = Objects.requireNonNullElse(slip, 2);
    maxTracked = Objects.requireNonNullElse(maxTracked, 100_000);
    Ranges.check("qps", qps, 0, 1_000_000);
    Ranges.check("burst", burst, 0, 1_000_000);
    Ranges.check("ipv4_prefix", ipv4Prefix, 1, 32);
    Ranges.check("ipv6_prefix", ipv6Prefix, 1, 64);
    Ranges.check("slip", slip, 0, 10);
    Ranges.check("max_tracked", maxTracked, 100, 10_000_000);
  }

  public boolean enabled() {
    return qps > 0;
  }

  static RateLimit defaults() {
    return new RateLimit(null, null, null, null, null, null, null);
  }
}

package io.sinkhole.config;

import io.sinkhole.ioc.Cidr;
import java.util.List;

/**
 * Which clients get answers; everyone else gets REFUSED, so the server is not an open resolver.
 *
 * @param allow CIDR blocks or single addresses; by default loopback, RFC 1918, RFC 4193 and
 *     link-local
 */
public record Access(List<String> allow) {
  public static final List<String> PRIVATE_NETWORKS =
      List.of(
          "127.0.0.0/8",
          "::1/128",
          "10.0.0.0/8",
          "172.16.0.0/12",
          "192.168.0.0/16",
          "fc00::/7",
          "169.254.0.0/16",
          "fe80::/10");

  public Access {
    allow = allow == null ? PRIVATE_NETWORKS : List.copyOf(allow);
    for (String cidr : allow) {
      Cidr.parse(cidr);
    }
  }

  static Access defaults() {
    return new Access(null);
  }
}

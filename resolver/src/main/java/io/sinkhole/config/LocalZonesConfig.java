package io.sinkhole.config;

import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * Names answered here instead of being forwarded.
 *
 * @param privateReverse answer reverse lookups of private, loopback and link-local ranges with
 *     NXDOMAIN (RFC 6303); false forwards them all
 * @param forwardPrivateReverse reverse zones forwarded anyway, such as {@code 168.192.in-addr.arpa}
 *     when an upstream serves the site's own PTR records
 */
public record LocalZonesConfig(Boolean privateReverse, List<String> forwardPrivateReverse) {
  public LocalZonesConfig {
    privateReverse = Objects.requireNonNullElse(privateReverse, true);
    forwardPrivateReverse =
        forwardPrivateReverse == null
            ? List.of()
            : forwardPrivateReverse.stream().map(LocalZonesConfig::normalise).toList();
  }

  private static String normalise(String zone) {
    String z = zone.trim().toLowerCase(Locale.ROOT);
    z = z.endsWith(".") ? z.substring(0, z.length() - 1) : z;
    if (!z.endsWith(".arpa") || z.contains("..")) {
      throw new IllegalArgumentException("'" + zone + "' is not a reverse zone under arpa");
    }
    return z;
  }
}

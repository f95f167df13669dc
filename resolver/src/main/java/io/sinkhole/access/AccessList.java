package io.sinkhole.access;

import io.sinkhole.config.Cidr;
import java.net.InetAddress;
import java.util.List;

/**
 * Address blocks whose clients are answered. An open resolver is a reflection amplifier for anyone
 * on the internet (RFC 5358), so the default holds only loopback and private ranges.
 */
public final class AccessList {
  private final Cidr[] blocks;

  private AccessList(Cidr[] blocks) {
    this.blocks = blocks;
  }

  /** Builds the list from CIDR texts; throws on a bad entry, naming it. */
  public static AccessList of(List<String> cidrs) {
    return new AccessList(cidrs.stream().map(Cidr::parse).toArray(Cidr[]::new));
  }

  public boolean allows(InetAddress client) {
    byte[] a = unmapped(client.getAddress());
    for (Cidr c : blocks) {
      if (c.network().length == a.length && samePrefix(c.network(), a, c.length())) {
        return true;
      }
    }
    return false;
  }

  /** An IPv4-mapped IPv6 address (RFC 4291 section 2.5.5.2) is the IPv4 client it carries. */
  static byte[] unmapped(byte[] a) {
    if (a.length != 16) {
      return a;
    }
    for (int i = 0; i < 10; i++) {
      if (a[i] != 0) {
        return a;
      }
    }
    if (a[10] != (byte) 0xff || a[11] != (byte) 0xff) {
      return a;
    }
    return new byte[] {a[12], a[13], a[14], a[15]};
  }

  static boolean samePrefix(byte[] net, byte[] a, int bits) {
    int full = bits / 8;
    for (int i = 0; i < full; i++) {
      if (net[i] != a[i]) {
        return false;
      }
    }
    int rest = bits % 8;
    if (rest == 0) {
      return true;
    }
    int mask = (0xff << (8 - rest)) & 0xff;
    return (net[full] & mask) == (a[full] & mask);
  }
}

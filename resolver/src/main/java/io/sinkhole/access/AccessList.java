package io.sinkhole.access;

import io.sinkhole.ioc.Cidr;
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
    byte[] a = Cidr.unmapped(client.getAddress());
    for (Cidr c : blocks) {
      if (c.contains(a)) {
        return true;
      }
    }
    return false;
  }
}

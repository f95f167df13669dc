package io.sinkhole.ioc;

import java.net.InetAddress;

/**
 * An address block written as {@code address/length}, or a single address.
 *
 * @param network the address bytes with host bits as written
 * @param length prefix length in bits
 */
public record Cidr(byte[] network, int length) {
  /** Parses {@code text}; the message names the bad value. */
  public static Cidr parse(String text) {
    String s = text == null ? "" : text.trim();
    int slash = s.indexOf('/');
    InetAddress a = Addresses.parseLiteral(slash < 0 ? s : s.substring(0, slash));
    if (a == null) {
      throw new IllegalArgumentException("'" + text + "' is not an address or CIDR block");
    }
    int bits = a.getAddress().length * 8;
    int length = bits;
    if (slash >= 0) {
      try {
        length = Integer.parseInt(s.substring(slash + 1));
      } catch (NumberFormatException e) {
        length = -1;
      }
    }
    if (length < 0 || length > bits) {
      throw new IllegalArgumentException("'" + text + "' has a bad prefix length");
    }
    return new Cidr(a.getAddress(), length);
  }

  /** Whether {@code address} lies in this block; IPv4-mapped IPv6 addresses count as IPv4. */
  public boolean contains(InetAddress address) {
    return contains(unmapped(address.getAddress()));
  }

  /** Whether the address bytes lie in this block (4 or 16 bytes, never mixed). */
  public boolean contains(byte[] a) {
    if (a.length != network.length) {
      return false;
    }
    int full = length / 8;
    for (int i = 0; i < full; i++) {
      if (network[i] != a[i]) {
        return false;
      }
    }
    int rest = length % 8;
    int mask = rest == 0 ? 0 : (0xff << (8 - rest)) & 0xff;
    return rest == 0 || (network[full] & mask) == (a[full] & mask);
  }

  /** An IPv4-mapped IPv6 address (RFC 4291 section 2.5.5.2) is the IPv4 address it carries. */
  public static byte[] unmapped(byte[] a) {
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

  @Override
  public String toString() {
    try {
      return InetAddress.getByAddress(network).getHostAddress() + "/" + length;
    } catch (java.net.UnknownHostException e) {
      return "?/" + length;
    }
  }
}

package io.sinkhole.config;

import io.sinkhole.ioc.Addresses;
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
}

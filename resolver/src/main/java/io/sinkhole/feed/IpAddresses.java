package io.sinkhole.feed;

import org.xbill.DNS.Address;

/**
 * Recognises IP address literals in feed text and prints them in one canonical form: dotted quad
 * for IPv4, RFC 5952 for IPv6. Never resolves anything.
 */
final class IpAddresses {
  private static final int MAX_IPV6_TEXT = 45;

  private IpAddresses() {}

  /** The canonical text of an IPv4 or IPv6 literal, or null when the text is not one. */
  static String canonical(String text) {
    if (text.indexOf(':') >= 0) {
      byte[] bytes = parseIpv6(text);
      return bytes == null ? null : Ipv6Text.format(bytes);
    }
    return isIpv4(text) ? text : null;
  }

  /**
   * True for a strict dotted quad. Leading zeros are refused: {@code inet_aton} reads them as
   * octal, so {@code 010.0.0.1} would mean different hosts to different tools.
   */
  static boolean isIpv4(String text) {
    int length = text.length();
    int parts = 0;
    int start = 0;
    for (int i = 0; i <= length; i++) {
      if (i == length || text.charAt(i) == '.') {
        if (++parts > 4 || !isOctet(text, start, i)) {
          return false;
        }
        start = i + 1;
      }
    }
    return parts == 4;
  }

  /** {@code address/prefix} with the address canonical, or null. */
  static String canonicalCidr(String text) {
    int slash = text.indexOf('/');
    if (slash < 0) {
      return null;
    }
    String address = canonical(text.substring(0, slash));
    int prefix = parseSmallInt(text, slash + 1, text.length());
    int max = address != null && address.indexOf(':') >= 0 ? 128 : 32;
    if (address == null || prefix < 0 || prefix > max) {
      return null;
    }
    return address + "/" + prefix;
  }

  /** {@code ip:port} or {@code [ipv6]:port} with the address canonical, or null. */
  static String canonicalIpPort(String text) {
    int colon = text.lastIndexOf(':');
    if (colon < 0) {
      return null;
    }
    String host = text.substring(0, colon);
    int port = parseSmallInt(text, colon + 1, text.length());
    boolean bracketed = host.startsWith("[") && host.endsWith("]");
    if (bracketed) {
      host = host.substring(1, host.length() - 1);
    }
    String address = canonical(host);
    if (address == null || port < 0 || port > 65535 || (!bracketed && host.indexOf(':') >= 0)) {
      return null;
    }
    return address.indexOf(':') >= 0 ? "[" + address + "]:" + port : address + ":" + port;
  }

  private static byte[] parseIpv6(String text) {
    if (text.length() > MAX_IPV6_TEXT) {
      return null;
    }
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (Character.digit(c, 16) < 0 && c != ':' && c != '.') {
        return null;
      }
    }
    return Address.toByteArray(text, Address.IPv6);
  }

  private static boolean isOctet(String text, int start, int end) {
    int length = end - start;
    if (length < 1 || length > 3 || (length > 1 && text.charAt(start) == '0')) {
      return false;
    }
    int value = parseSmallInt(text, start, end);
    return value >= 0 && value <= 255;
  }

  /** Parses 1 to 5 ASCII digits; -1 for anything else. */
  static int parseSmallInt(String text, int start, int end) {
    if (end <= start || end - start > 5) {
      return -1;
    }
    int value = 0;
    for (int i = start; i < end; i++) {
      char c = text.charAt(i);
      if (c < '0' || c > '9') {
        return -1;
      }
      value = value * 10 + (c - '0');
    }
    return value;
  }
}

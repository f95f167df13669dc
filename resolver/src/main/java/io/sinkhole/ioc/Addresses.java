package io.sinkhole.ioc;

import java.net.InetAddress;
import java.net.UnknownHostException;

/** Address literals, parsed without ever touching the system resolver. */
public final class Addresses {
  private Addresses() {}

  /** Parses an IPv4 or IPv6 literal; null when {@code text} is not one. */
  public static InetAddress parseLiteral(String text) {
    if (text == null || text.isEmpty() || !looksLiteral(text)) {
      return null;
    }
    try {
      // Only literals reach this call, so InetAddress never sends a DNS query.
      return InetAddress.getByName(text);
    } catch (UnknownHostException e) {
      return null;
    }
  }

  private static boolean looksLiteral(String s) {
    if (s.indexOf(':') >= 0) {
      for (int i = 0; i < s.length(); i++) {
        char c = s.charAt(i);
        boolean ok = Character.digit(c, 16) >= 0 || c == ':' || c == '.' || c == '%';
        if (!ok) {
          return false;
        }
      }
      return true;
    }
    int dots = 0;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '.') {
        dots++;
      } else if (c < '0' || c > '9') {
        return false;
      }
    }
    return dots == 3;
  }
}

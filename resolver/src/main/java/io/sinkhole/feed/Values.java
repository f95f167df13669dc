package io.sinkhole.feed;

import io.sinkhole.ioc.IndicatorType;
import java.util.Locale;

/**
 * Classifies an untyped value (KQL lists, warninglists, markdown rows without a type) by its shape:
 * URL, hash, IP, CIDR, ip:port, then domain name.
 */
final class Values {
  private Values() {}

  /** A value with its kind; value is normalised as {@link io.sinkhole.ioc.Indicator} expects. */
  record Classified(IndicatorType type, String value) {}

  /** The classified value, or null when it is none of the kinds above. */
  static Classified classify(String raw) {
    String text = raw.trim();
    if (text.contains("://")) {
      return of(IndicatorType.URL, url(text));
    }
    if (isHash(text)) {
      return new Classified(IndicatorType.HASH, text.toLowerCase(Locale.ROOT));
    }
    String ip = IpAddresses.canonical(text);
    if (ip != null) {
      return new Classified(IndicatorType.IP, ip);
    }
    if (text.indexOf('/') >= 0) {
      return of(IndicatorType.CIDR, IpAddresses.canonicalCidr(text));
    }
    String ipPort = IpAddresses.canonicalIpPort(text);
    if (ipPort != null) {
      return new Classified(IndicatorType.IP_PORT, ipPort);
    }
    return of(IndicatorType.DOMAIN, DomainNames.normalize(text));
  }

  /**
   * The value classified, or null unless it is of the declared kind. A declared IP may be a CIDR
   * range: reports and STIX use one word for both.
   */
  static Classified classifyAs(IndicatorType declared, String raw) {
    Classified value = classify(raw);
    if (value == null) {
      return null;
    }
    boolean range = declared == IndicatorType.IP && value.type() == IndicatorType.CIDR;
    return value.type() == declared || range ? value : null;
  }

  /**
   * The URL trimmed, or null unless it has a scheme and a host that is a valid name or address. The
   * URL itself is kept as written: the server derives the host when its policy asks.
   */
  static String url(String raw) {
    String text = raw.trim();
    int scheme = text.indexOf("://");
    if (scheme <= 0) {
      return null;
    }
    String host = hostOf(text, scheme + 3);
    boolean ok = DomainNames.normalize(host) != null || IpAddresses.canonical(host) != null;
    return ok && text.indexOf(' ') < 0 ? text : null;
  }

  private static String hostOf(String url, int start) {
    int end = start;
    while (end < url.length() && "/?#".indexOf(url.charAt(end)) < 0) {
      end++;
    }
    String authority = url.substring(start, end);
    authority = authority.substring(authority.lastIndexOf('@') + 1);
    if (authority.startsWith("[")) {
      int close = authority.indexOf(']');
      return close < 0 ? authority : authority.substring(1, close);
    }
    int colon = authority.indexOf(':');
    return colon < 0 ? authority : authority.substring(0, colon);
  }

  /** MD5, SHA-1, SHA-256 or SHA-512 in hex: DNS has nothing to match them against. */
  static boolean isHash(String text) {
    int length = text.length();
    if (length != 32 && length != 40 && length != 64 && length != 128) {
      return false;
    }
    for (int i = 0; i < length; i++) {
      if (Character.digit(text.charAt(i), 16) < 0) {
        return false;
      }
    }
    return true;
  }

  private static Classified of(IndicatorType type, String value) {
    return value == null ? null : new Classified(type, value);
  }
}

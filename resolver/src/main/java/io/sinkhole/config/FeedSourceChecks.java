package io.sinkhole.config;

import java.net.URI;
import java.util.Locale;
import java.util.Objects;

/** Validation of where a feed comes from: its URL, refresh interval and shrink limit. */
final class FeedSourceChecks {
  private FeedSourceChecks() {}

  static void checkUrl(URI url) {
    if (url == null) {
      return;
    }
    String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
    if (!scheme.equals("http") && !scheme.equals("https") || url.getHost() == null) {
      throw new IllegalArgumentException("url must be an http:// or https:// address: " + url);
    }
  }

  /** Parses {@code 3600}, {@code 90s}, {@code 15m}, {@code 1h} or {@code 1d} into seconds. */
  static long seconds(String field, String text) {
    String t = text.trim().toLowerCase(Locale.ROOT);
    long unit = 1;
    char last = t.isEmpty() ? ' ' : t.charAt(t.length() - 1);
    if ("smhd".indexOf(last) >= 0) {
      unit = last == 's' ? 1 : last == 'm' ? 60 : last == 'h' ? 3600 : 86400;
      t = t.substring(0, t.length() - 1);
    }
    long value;
    try {
      value = Long.parseLong(t) * unit;
    } catch (NumberFormatException e) {
      value = 0;
    }
    if (value < 1) {
      throw new IllegalArgumentException(
          field + " must be a duration such as 3600, 90s, 15m, 1h or 1d, was '" + text + "'");
    }
    return value;
  }

  static double fraction(String field, Double value, double dflt) {
    double v = Objects.requireNonNullElse(value, dflt);
    if (!(v >= 0 && v <= 1)) {
      throw new IllegalArgumentException(field + " must be 0-1, was " + v);
    }
    return v;
  }
}

package io.sinkhole.feed;

import io.sinkhole.ioc.IndicatorType;
import java.util.ArrayList;
import java.util.List;

/**
 * Pulls the equality comparisons a DNS server can use out of a STIX 2.1 pattern (STIX 2.1 part 9):
 * {@code domain-name:value}, {@code ipv4-addr:value}, {@code ipv6-addr:value} and {@code
 * url:value}, each compared with {@code =} to a quoted string. Only patterns whose comparisons are
 * joined by {@code OR} are used: with {@code AND} or an observation operator a single value does
 * not mean the indicator matched, and blocking it alone would over-block.
 */
final class StixPatterns {
  private static final String[][] OBJECT_PATHS = {
    {"domain-name:value", "DOMAIN"}, {"ipv4-addr:value", "IP"},
    {"ipv6-addr:value", "IP"}, {"url:value", "URL"},
  };
  private static final String[] CONJUNCTIONS = {" AND ", "FOLLOWEDBY", "REPEATS", "WITHIN"};

  private StixPatterns() {}

  /** A comparison: what the pattern said the value is, and the unquoted value. */
  record Comparison(IndicatorType type, String value) {}

  /** The comparisons; empty when there are none we can use; null for a conjunction. */
  static List<Comparison> comparisons(String pattern) {
    for (String conjunction : CONJUNCTIONS) {
      if (pattern.contains(conjunction)) {
        return null;
      }
    }
    List<Comparison> found = new ArrayList<>();
    for (String[] path : OBJECT_PATHS) {
      collect(pattern, path[0], IndicatorType.valueOf(path[1]), found);
    }
    return found;
  }

  private static void collect(
      String pattern, String path, IndicatorType type, List<Comparison> to) {
    for (int at = pattern.indexOf(path); at >= 0; at = pattern.indexOf(path, at + 1)) {
      int i = skipSpaces(pattern, at + path.length());
      if (i < pattern.length() && pattern.charAt(i) == '=') {
        i = skipSpaces(pattern, i + 1);
        String value = quoted(pattern, i);
        if (value != null) {
          to.add(new Comparison(type, value));
        }
      }
    }
  }

  /** The string literal starting at {@code start}, with {@code \'} and {@code \\} unescaped. */
  private static String quoted(String pattern, int start) {
    if (start >= pattern.length() || pattern.charAt(start) != '\'') {
      return null;
    }
    StringBuilder value = new StringBuilder();
    for (int i = start + 1; i < pattern.length(); i++) {
      char c = pattern.charAt(i);
      if (c == '\'') {
        return value.toString();
      }
      if (c == '\\' && i + 1 < pattern.length()) {
        c = pattern.charAt(++i);
      }
      value.append(c);
    }
    return null;
  }

  private static int skipSpaces(String text, int from) {
    int i = from;
    while (i < text.length() && Character.isWhitespace(text.charAt(i))) {
      i++;
    }
    return i;
  }
}

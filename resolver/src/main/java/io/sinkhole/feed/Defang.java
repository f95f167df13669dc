package io.sinkhole.feed;

/**
 * Undoes the defanging threat reports apply so that indicators cannot be clicked: {@code [.]},
 * {@code (.)}, {@code [dot]}, {@code [:]}, {@code hxxp}, and surrounding backticks.
 */
final class Defang {
  private static final String[][] REPLACEMENTS = {
    {"[.]", "."},
    {"(.)", "."},
    {"{.}", "."},
    {"[dot]", "."},
    {"(dot)", "."},
    {"[:]", ":"},
    {"[://]", "://"},
    {"[/]", "/"},
  };

  private Defang() {}

  static String refang(String text) {
    String out = stripBackticks(text.trim());
    if (out.indexOf('[') >= 0 || out.indexOf('(') >= 0 || out.indexOf('{') >= 0) {
      for (String[] pair : REPLACEMENTS) {
        out = out.replace(pair[0], pair[1]);
      }
    }
    return refangScheme(out);
  }

  private static String stripBackticks(String text) {
    int start = 0;
    int end = text.length();
    while (start < end && text.charAt(start) == '`') {
      start++;
    }
    while (end > start && text.charAt(end - 1) == '`') {
      end--;
    }
    return text.substring(start, end).trim();
  }

  private static String refangScheme(String text) {
    if (text.regionMatches(true, 0, "hxxp", 0, 4)) {
      return "http" + text.substring(4);
    }
    if (text.regionMatches(true, 0, "fxp", 0, 3)) {
      return "ftp" + text.substring(3);
    }
    return text;
  }
}

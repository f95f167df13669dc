package io.sinkhole.deploy;

import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Just enough PromQL lexing to list the metric names an expression reads. Parsing proper is left to
 * promtool; this only has to tell metric names from functions, keywords and label names.
 */
final class PromQl {
  private static final Pattern STRING = Pattern.compile("\"(?:[^\"\\\\]|\\\\.)*\"|'[^']*'");
  private static final Pattern SELECTOR_BODY = Pattern.compile("\\{[^}]*}|\\[[^]]*]");
  private static final Pattern LABEL_LIST =
      Pattern.compile(
          "\\b(by|without|on|ignoring|group_left|group_right)\\s*\\([^)]*\\)",
          Pattern.CASE_INSENSITIVE);
  private static final Pattern IDENTIFIER =
      Pattern.compile("(?<![\\w.])([a-zA-Z_:][a-zA-Z0-9_:]*)(\\s*\\()?");
  private static final Set<String> KEYWORDS =
      Set.of(
          "and",
          "or",
          "unless",
          "bool",
          "offset",
          "by",
          "without",
          "on",
          "ignoring",
          "group_left",
          "group_right",
          "inf",
          "nan");

  private PromQl() {}

  /** Metric names in {@code expr}: identifiers that are neither called nor keywords. */
  static Set<String> metricNames(String expr) {
    String bare = STRING.matcher(expr).replaceAll("\"\"");
    bare = SELECTOR_BODY.matcher(bare).replaceAll(" ");
    bare = LABEL_LIST.matcher(bare).replaceAll(" ");

    Set<String> names = new TreeSet<>();
    Matcher m = IDENTIFIER.matcher(bare);
    while (m.find()) {
      boolean called = m.group(2) != null;
      if (!called && !KEYWORDS.contains(m.group(1).toLowerCase())) {
        names.add(m.group(1));
      }
    }
    return names;
  }
}

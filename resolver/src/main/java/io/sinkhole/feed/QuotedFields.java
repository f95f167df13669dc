package io.sinkhole.feed;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits the ThreatFox CSV row shape: every field in double quotes, fields separated by a comma and
 * optional spaces ({@code "a", "b"}). ThreatFox does not escape quotes inside values, so a quote
 * only closes a field when a separator or the end of the line follows it.
 */
final class QuotedFields {
  private QuotedFields() {}

  /** The unquoted fields, or null when the line does not have this shape. */
  static List<String> split(String line) {
    List<String> fields = new ArrayList<>(16);
    int i = skipSpaces(line, 0);
    while (i < line.length() && line.charAt(i) == '"') {
      int close = closingQuote(line, i + 1);
      if (close < 0) {
        return null;
      }
      fields.add(line.substring(i + 1, close));
      i = skipSpaces(line, close + 1);
      if (i == line.length()) {
        return fields;
      }
      i = skipSpaces(line, i + 1);
    }
    return null;
  }

  private static int closingQuote(String line, int from) {
    for (int i = line.indexOf('"', from); i >= 0; i = line.indexOf('"', i + 1)) {
      int next = skipSpaces(line, i + 1);
      if (next == line.length() || line.charAt(next) == ',') {
        return i;
      }
    }
    return -1;
  }

  private static int skipSpaces(String line, int from) {
    int i = from;
    while (i < line.length() && (line.charAt(i) == ' ' || line.charAt(i) == '\t')) {
      i++;
    }
    return i;
  }
}

package io.sinkhole.feed;

/** Whitespace tokenising without regex or {@link String#split}, for the million-line parsers. */
final class Tokens {
  private Tokens() {}

  static boolean isSpace(char c) {
    return c == ' ' || c == '\t' || c == '\f' || c == '\u000b' || c == '\r';
  }

  /** The first index at or after {@code from} that is not whitespace, or {@code end}. */
  static int skipSpaces(String line, int from, int end) {
    int i = from;
    while (i < end && isSpace(line.charAt(i))) {
      i++;
    }
    return i;
  }

  /** The first index at or after {@code from} that is whitespace, or {@code end}. */
  static int tokenEnd(String line, int from, int end) {
    int i = from;
    while (i < end && !isSpace(line.charAt(i))) {
      i++;
    }
    return i;
  }

  /** Where a {@code marker} comment starts, or the line length when there is none. */
  static int commentStart(String line, char marker) {
    int at = line.indexOf(marker);
    return at < 0 ? line.length() : at;
  }
}

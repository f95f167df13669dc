package io.sinkhole.feed;

/**
 * Walks KQL text: finds the {@code ([} after {@code dynamic}, then the string literals up to the
 * closing {@code ]}, skipping {@code //} comments and non-string elements. Line numbers are counted
 * as it goes.
 */
final class KqlScanner {
  /** Receives each string literal with the line it starts on. */
  interface Sink {
    void accept(String value, int line);
  }

  private final String text;
  private int lineAt;
  private int line = 1;

  KqlScanner(String text) {
    this.text = text;
  }

  /** The index just after {@code ([} when it follows {@code from} (spaces allowed), else -1. */
  int listStart(int from) {
    int i = skipSpaces(from);
    if (i >= text.length() || text.charAt(i) != '(') {
      return -1;
    }
    i = skipSpaces(i + 1);
    return i < text.length() && text.charAt(i) == '[' ? i + 1 : -1;
  }

  /** Sends the list's strings to the sink; returns the index of the closing bracket. */
  int readList(int from, Sink sink) {
    int i = from;
    while (i < text.length() && text.charAt(i) != ']') {
      char c = text.charAt(i);
      if (c == '"' || c == '\'') {
        i = readString(i, sink);
      } else if (c == '@' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
        i = readString(i + 1, sink);
      } else if (text.startsWith("//", i)) {
        int end = text.indexOf('\n', i);
        i = end < 0 ? text.length() : end;
      } else {
        i++;
      }
    }
    return i;
  }

  /** Reads the literal opening at {@code quote}; returns the index after it. */
  private int readString(int quote, Sink sink) {
    char delimiter = text.charAt(quote);
    StringBuilder value = new StringBuilder();
    int i = quote + 1;
    while (i < text.length() && text.charAt(i) != delimiter && text.charAt(i) != '\n') {
      char c = text.charAt(i);
      if (c == '\\' && i + 1 < text.length()) {
        c = text.charAt(++i);
      }
      value.append(c);
      i++;
    }
    sink.accept(value.toString(), lineOf(quote));
    return i + 1;
  }

  /** The 1-based line of an index; indexes only grow, so counting resumes where it stopped. */
  private int lineOf(int index) {
    for (; lineAt < index; lineAt++) {
      if (text.charAt(lineAt) == '\n') {
        line++;
      }
    }
    return line;
  }

  private int skipSpaces(int from) {
    int i = from;
    while (i < text.length() && Character.isWhitespace(text.charAt(i))) {
      i++;
    }
    return i;
  }
}

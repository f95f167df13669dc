package io.sinkhole.feed;

import io.sinkhole.ioc.IndicatorSink;
import java.io.IOException;
import java.io.InputStream;

/**
 * A format read one line at a time, each line on its own (hosts files, plain lists).
 *
 * <p>Each line is first offered as bytes to {@link #fastLine}, which takes the common plain-ASCII
 * shapes without making a string (issue #5: start-up with a million names); every other line is
 * decoded and read by {@link #line}, which handles any line and decides everything the fast path
 * declines (problems, IDN, skipped names).
 */
abstract class LineFeedParser implements FeedParser {

  @Override
  public final ParseNotes parse(InputStream in, IndicatorSink sink) throws IOException {
    ByteLines lines = new ByteLines(in);
    ResultBuilder out = new ResultBuilder(sink);
    byte[] wire = new byte[256];
    while (lines.next()) {
      if (!fastLine(lines.buffer(), lines.start(), lines.end(), lines.number(), wire, out)) {
        line(lines.text(), lines.number(), out);
      }
    }
    return out.build();
  }

  /** Reads one line (1-based {@code number}) into {@code out}. */
  abstract void line(String line, int number, ResultBuilder out);

  /**
   * Reads the line {@code bytes[start, end)} when it has a shape this parser reads straight from
   * bytes, with exactly the result {@link #line} would give; returns false, having emitted nothing,
   * for any other line.
   *
   * @param wire scratch of 256 bytes for one name in wire form
   */
  boolean fastLine(byte[] bytes, int start, int end, int number, byte[] wire, ResultBuilder out) {
    return false;
  }

  /** The first index at or after {@code from} that is not whitespace ({@link Tokens}), or end. */
  static int skipSpaces(byte[] b, int from, int end) {
    int i = from;
    while (i < end && isSpace(b[i])) {
      i++;
    }
    return i;
  }

  /** The first index at or after {@code from} that is whitespace, or {@code end}. */
  static int tokenEnd(byte[] b, int from, int end) {
    int i = from;
    while (i < end && !isSpace(b[i])) {
      i++;
    }
    return i;
  }

  /** Where a {@code marker} comment starts, or {@code end} when there is none. */
  static int commentStart(byte[] b, int start, int end, char marker) {
    for (int i = start; i < end; i++) {
      if (b[i] == marker) {
        return i;
      }
    }
    return end;
  }

  private static boolean isSpace(byte c) {
    return c == ' ' || c == '\t' || c == '\f' || c == 0x0b || c == '\r';
  }
}

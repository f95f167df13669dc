package io.sinkhole.feed;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Splits a feed into lines as bytes, for the line parsers' fast path: most lines of a million-line
 * list are plain ASCII, and decoding them into a {@code String} first cost a third of the parse.
 *
 * <p>Lines end where {@link java.io.BufferedReader#readLine} ends them ({@code \n}, {@code \r} or
 * {@code \r\n}), and {@link #text()} decodes a line as {@link LineReader} would (UTF-8, malformed
 * bytes as U+FFFD, a byte-order mark on the first line dropped), so the slow path sees the same
 * lines with the same numbers.
 */
final class ByteLines {
  private static final int BUFFER_BYTES = 1 << 16;

  private final InputStream in;
  private byte[] buf = new byte[BUFFER_BYTES];
  private int pos;
  private int scanned;
  private int limit;
  private boolean eof;
  private boolean skipLf;
  private int number;
  private int start;
  private int end;

  ByteLines(InputStream in) {
    this.in = in;
  }

  /** Moves to the next line; false at the end of the stream. */
  boolean next() throws IOException {
    while (true) {
      if (skipLf && !dropLf()) {
        continue;
      }
      for (int i = scanned; i < limit; i++) {
        if (buf[i] == '\n' || buf[i] == '\r') {
          skipLf = buf[i] == '\r';
          return found(i, i + 1);
        }
      }
      scanned = limit;
      if (eof) {
        return pos < limit && found(limit, limit);
      }
      fill();
    }
  }

  byte[] buffer() {
    return buf;
  }

  /** Where the current line starts in {@link #buffer()}. */
  int start() {
    return start;
  }

  /** Where the current line ends in {@link #buffer()}, its terminator excluded. */
  int end() {
    return end;
  }

  /** The 1-based number of the current line. */
  int number() {
    return number;
  }

  /** The current line decoded, for the parsers' general path. */
  String text() {
    return new String(buf, start, end - start, StandardCharsets.UTF_8);
  }

  private boolean found(int lineEnd, int next) {
    start = pos;
    end = lineEnd;
    pos = next;
    scanned = next;
    number++;
    if (number == 1 && end - start >= 3 && isByteOrderMark(start)) {
      start += 3;
    }
    return true;
  }

  /** Drops the {@code \n} of a {@code \r\n}; false when more input is needed to tell. */
  private boolean dropLf() throws IOException {
    if (pos < limit) {
      if (buf[pos] == '\n') {
        pos++;
        scanned = pos;
      }
      skipLf = false;
      return true;
    }
    if (eof) {
      skipLf = false;
      return true;
    }
    fill();
    return false;
  }

  private boolean isByteOrderMark(int at) {
    return buf[at] == (byte) 0xEF && buf[at + 1] == (byte) 0xBB && buf[at + 2] == (byte) 0xBF;
  }

  // Keeps the unfinished line at the front; a line longer than the buffer doubles it.
  private void fill() throws IOException {
    if (pos > 0) {
      System.arraycopy(buf, pos, buf, 0, limit - pos);
      limit -= pos;
      scanned -= pos;
      pos = 0;
    }
    if (limit == buf.length) {
      buf = Arrays.copyOf(buf, buf.length * 2);
    }
    int n = in.read(buf, limit, buf.length - limit);
    if (n < 0) {
      eof = true;
    } else {
      limit += n;
    }
  }
}

package io.sinkhole.feed;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;

/**
 * Reads a feed line by line as UTF-8 and keeps the 1-based line number for problems.
 *
 * <p>Malformed UTF-8 becomes U+FFFD rather than an exception (the decoder's REPLACE action), so a
 * stray byte spoils one name, not the whole feed. A byte-order mark on the first line is dropped.
 */
final class LineReader {
  private static final int BUFFER_CHARS = 1 << 14;

  private final BufferedReader reader;
  private int number;

  LineReader(InputStream in) {
    this.reader =
        new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8), BUFFER_CHARS);
  }

  /** The next line without its terminator, or null at the end. */
  String next() throws IOException {
    String line = reader.readLine();
    if (line == null) {
      return null;
    }
    number++;
    if (number == 1 && !line.isEmpty() && line.charAt(0) == '\uFEFF') {
      return line.substring(1);
    }
    return line;
  }

  /** The number of the line last returned by {@link #next()}. */
  int number() {
    return number;
  }
}

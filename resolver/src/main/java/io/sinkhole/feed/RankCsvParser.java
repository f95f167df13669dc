package io.sinkhole.feed;

import io.sinkhole.ioc.IndicatorSink;
import java.io.IOException;
import java.io.InputStream;

/**
 * Reads popular-domain rankings in {@code rank,domain} CSV (Alexa, Tranco, Umbrella), used as
 * allowlists (see {@link AllowlistEntries}). Some rows carry a path after the name ({@code
 * 742,wenku.baidu.com/user/reg}); the path is dropped, since DNS only sees the name. A first line
 * that is not ranked ({@code rank,domain}) is a header.
 */
final class RankCsvParser implements FeedParser {

  @Override
  public ParseNotes parse(InputStream in, IndicatorSink sink) throws IOException {
    LineReader lines = new LineReader(in);
    ResultBuilder out = new ResultBuilder(sink);
    for (String line = lines.next(); line != null; line = lines.next()) {
      row(line, lines.number(), out);
    }
    return out.build();
  }

  private static void row(String line, int number, ResultBuilder out) {
    String row = line.trim();
    if (row.isEmpty() || row.startsWith("#")) {
      return;
    }
    int comma = row.indexOf(',');
    boolean ranked = comma > 0 && isDigits(row, comma);
    if (!ranked) {
      if (number != 1) {
        out.problem(number, "malformed line", line);
      }
      return;
    }
    int end = row.indexOf(',', comma + 1);
    String value = row.substring(comma + 1, end < 0 ? row.length() : end);
    int slash = value.indexOf('/');
    AllowlistEntries.add(slash < 0 ? value : value.substring(0, slash), number, out);
  }

  private static boolean isDigits(String text, int end) {
    for (int i = 0; i < end; i++) {
      if (text.charAt(i) < '0' || text.charAt(i) > '9') {
        return false;
      }
    }
    return true;
  }
}

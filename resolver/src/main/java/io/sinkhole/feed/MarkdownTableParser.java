package io.sinkhole.feed;

import io.sinkhole.ioc.IndicatorSink;
import java.io.IOException;
import java.io.InputStream;

/**
 * Reads IOC tables from markdown threat reports. A table starts with a pipe row followed by a
 * separator row ({@code |---|---|}) and ends at the first line that does not start with a pipe;
 * prose, code blocks and tables without a value column ({@code Value}, {@code Indicator}, {@code
 * IOC}) are ignored. Values may be defanged or in backticks. Without a {@code Type} column each
 * value is classified by its shape. Tables must start their rows with a pipe.
 */
final class MarkdownTableParser implements FeedParser {

  @Override
  public ParseNotes parse(InputStream in, IndicatorSink sink) throws IOException {
    LineReader lines = new LineReader(in);
    ResultBuilder out = new ResultBuilder(sink);
    MarkdownTable table = null;
    boolean inTable = false;
    String header = null;
    for (String line = lines.next(); line != null; line = lines.next()) {
      String row = line.trim();
      if (!row.startsWith("|")) {
        inTable = false;
        header = null;
      } else if (inTable) {
        if (table != null) {
          table.row(MarkdownTable.cells(row), lines.number(), out);
        }
      } else if (header != null && isSeparator(row)) {
        table = MarkdownTable.of(MarkdownTable.cells(header));
        inTable = true;
      } else {
        header = row;
      }
    }
    return out.build();
  }

  /** A row of dashes with optional alignment colons, such as {@code | :--- | ---: |}. */
  static boolean isSeparator(String row) {
    boolean dash = false;
    for (int i = 0; i < row.length(); i++) {
      char c = row.charAt(i);
      if (c == '-') {
        dash = true;
      } else if (c != '|' && c != ':' && !Tokens.isSpace(c)) {
        return false;
      }
    }
    return dash;
  }
}

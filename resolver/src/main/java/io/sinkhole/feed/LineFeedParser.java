package io.sinkhole.feed;

import java.io.IOException;
import java.io.InputStream;

/** A format read one line at a time, each line on its own (hosts files, plain lists). */
abstract class LineFeedParser implements FeedParser {

  @Override
  public final ParseResult parse(InputStream in) throws IOException {
    LineReader lines = new LineReader(in);
    ResultBuilder out = new ResultBuilder();
    for (String line = lines.next(); line != null; line = lines.next()) {
      line(line, lines.number(), out);
    }
    return out.build();
  }

  /** Reads one line (1-based {@code number}) into {@code out}. */
  abstract void line(String line, int number, ResultBuilder out);
}

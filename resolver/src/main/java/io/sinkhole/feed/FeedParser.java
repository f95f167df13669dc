package io.sinkhole.feed;

import io.sinkhole.ioc.Indicator;
import io.sinkhole.ioc.IndicatorSink;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;

/** Reads one feed format. Implementations are stateless and thread-safe. */
public interface FeedParser {

  /**
   * Parses a whole feed, handing every usable entry to {@code sink} in file order as it is read
   * (hash indicators are not emitted). Bad entries never abort the parse: they become {@link
   * FeedProblem}s.
   *
   * @throws IOException only when the stream itself cannot be read, or when the content is not this
   *     format at all (for example a JSON feed that is not JSON)
   */
  ParseNotes parse(InputStream in, IndicatorSink sink) throws IOException;

  /**
   * Parses a whole feed into a list. Costs about 100 bytes per entry, so the server streams large
   * feeds into a {@link io.sinkhole.ioc.FeedEntries} instead (issue #5).
   */
  default ParseResult parse(InputStream in) throws IOException {
    List<Indicator> indicators = new ArrayList<>();
    ParseNotes notes = parse(in, indicators::add);
    return new ParseResult(indicators, notes.problems(), notes.skipped());
  }
}

package io.sinkhole.feed;

import java.io.IOException;
import java.io.InputStream;

/** Reads one feed format. Implementations are stateless and thread-safe. */
public interface FeedParser {

  /**
   * Parses a whole feed. Bad entries never abort the parse: they become {@link FeedProblem}s.
   *
   * @throws IOException only when the stream itself cannot be read, or when the content is not this
   *     format at all (for example a JSON feed that is not JSON)
   */
  ParseResult parse(InputStream in) throws IOException;
}

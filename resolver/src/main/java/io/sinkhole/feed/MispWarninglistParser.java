package io.sinkhole.feed;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.sinkhole.ioc.IndicatorSink;
import java.io.IOException;
import java.io.InputStream;

/**
 * Reads MISP warninglists ({@code {"name": ..., "type": ..., "list": [...]}}), the popular-domain
 * and known-infrastructure lists MISP publishes; used as allowlists (see {@link AllowlistEntries}).
 * Entries of the {@code list} array are names or addresses; a leading dot (suffix entries) is
 * dropped, since FEED_DEFAULT scope already decides whether names below match.
 */
final class MispWarninglistParser implements FeedParser {

  @Override
  public ParseNotes parse(InputStream in, IndicatorSink sink) throws IOException {
    ResultBuilder out = new ResultBuilder(sink);
    try (JsonParser parser = JsonFeeds.open(in)) {
      if (parser.nextToken() != JsonToken.START_OBJECT) {
        throw new IOException("not a MISP warninglist: expected an object");
      }
      while (JsonFeeds.next(parser) == JsonToken.FIELD_NAME) {
        boolean list = parser.currentName().equals("list");
        if (JsonFeeds.next(parser) == JsonToken.START_ARRAY && list) {
          entries(parser, out);
        } else {
          parser.skipChildren();
        }
      }
    }
    return out.build();
  }

  private static void entries(JsonParser parser, ResultBuilder out) throws IOException {
    for (JsonToken t = JsonFeeds.next(parser);
        t != JsonToken.END_ARRAY;
        t = JsonFeeds.next(parser)) {
      int line = JsonFeeds.line(parser);
      if (t != JsonToken.VALUE_STRING) {
        out.problem(line, "malformed entry", parser.getText());
        parser.skipChildren();
        continue;
      }
      String entry = parser.getText().trim();
      AllowlistEntries.add(entry.startsWith(".") ? entry.substring(1) : entry, line, out);
    }
  }
}

package io.sinkhole.feed;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import io.sinkhole.ioc.IndicatorSink;
import java.io.IOException;
import java.io.InputStream;

/**
 * Reads the ThreatFox JSON export: an object keyed by IOC id whose values are arrays of IOC objects
 * ({@code ioc_value}, {@code ioc_type}, {@code threat_type}, ...). The key becomes the {@code
 * ioc_id}. Mapping as in {@link ThreatFoxEntries}.
 */
final class ThreatFoxJsonParser implements FeedParser {

  @Override
  public ParseNotes parse(InputStream in, IndicatorSink sink) throws IOException {
    ResultBuilder out = new ResultBuilder(sink);
    try (JsonParser parser = JsonFeeds.open(in)) {
      if (parser.nextToken() != JsonToken.START_OBJECT) {
        throw new IOException("not a ThreatFox JSON export: expected an object");
      }
      while (JsonFeeds.next(parser) == JsonToken.FIELD_NAME) {
        String id = parser.currentName();
        entries(parser, id, out);
      }
    }
    return out.build();
  }

  private static void entries(JsonParser parser, String id, ResultBuilder out) throws IOException {
    if (JsonFeeds.next(parser) != JsonToken.START_ARRAY) {
      out.problem(JsonFeeds.line(parser), "malformed entry", id);
      parser.skipChildren();
      return;
    }
    for (JsonToken t = JsonFeeds.next(parser);
        t != JsonToken.END_ARRAY;
        t = JsonFeeds.next(parser)) {
      int line = JsonFeeds.line(parser);
      if (t != JsonToken.START_OBJECT) {
        out.problem(line, "malformed entry", id);
        parser.skipChildren();
        continue;
      }
      JsonNode ioc = JsonFeeds.readTree(parser);
      String text = id + ": " + JsonFeeds.text(ioc, "ioc_value");
      ThreatFoxEntries.add(name -> field(ioc, id, name), line, text, out);
    }
  }

  private static String field(JsonNode ioc, String id, String name) {
    return name.equals("ioc_id") ? id : JsonFeeds.text(ioc, name);
  }
}

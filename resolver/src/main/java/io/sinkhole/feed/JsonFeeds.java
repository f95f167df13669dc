package io.sinkhole.feed;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;

/**
 * Shared Jackson plumbing for the JSON feeds. They are read as a token stream so that each entry
 * keeps the line it started on, and only one entry at a time becomes a tree.
 */
final class JsonFeeds {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private JsonFeeds() {}

  static JsonParser open(InputStream in) throws IOException {
    return MAPPER.createParser(in);
  }

  /** The next token, failing on a truncated document instead of returning null. */
  static JsonToken next(JsonParser parser) throws IOException {
    JsonToken token = parser.nextToken();
    if (token == null) {
      throw new IOException("JSON feed ends early at line " + line(parser));
    }
    return token;
  }

  static int line(JsonParser parser) {
    return parser.currentTokenLocation().getLineNr();
  }

  static JsonNode readTree(JsonParser parser) throws IOException {
    return parser.readValueAsTree();
  }

  /** The field as text; null when missing, JSON null, empty, a container, or {@code None}. */
  static String text(JsonNode node, String field) {
    JsonNode value = node.get(field);
    if (value == null || value.isNull() || value.isContainerNode()) {
      return null;
    }
    String text = value.asText().trim();
    return text.isEmpty() || text.equals("None") ? null : text;
  }
}

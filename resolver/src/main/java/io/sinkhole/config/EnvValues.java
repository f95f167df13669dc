package io.sinkhole.config;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.TextNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.lang.reflect.Type;

/**
 * Turns the text of one environment variable into a tree node for the key it sets. Single values
 * stay text and are converted by the same binding as the file's; lists may be comma-separated.
 */
final class EnvValues {
  /** YAML flow syntax, of which JSON is a subset. */
  private static final ObjectMapper FLOW = new YAMLMapper();

  private EnvValues() {}

  /** The node for {@code value}; null means "remove the key" (its default applies). */
  static JsonNode parse(Type type, String value) {
    String text = value.trim();
    return switch (ConfigSchema.kindOf(type)) {
      case SCALAR -> text.isEmpty() ? null : TextNode.valueOf(text);
      case LIST -> list(type, text);
      case MAPPING -> mapping(text);
    };
  }

  private static JsonNode list(Type type, String text) {
    if (text.startsWith("[")) {
      return structured(text, "a list");
    }
    if (!ConfigSchema.listOfScalars(type) && !text.isEmpty()) {
      throw new IllegalArgumentException(
          "a list of mappings needs JSON, as in [{\"name\": \"local\", \"path\": \"local.hosts\"}],"
              + " or one variable per element key, as in SINKHOLE_FEEDS__0__NAME");
    }
    ArrayNode list = JsonNodeFactory.instance.arrayNode();
    for (String item : text.split(",")) {
      if (!item.isBlank()) {
        list.add(item.trim());
      }
    }
    return list;
  }

  private static JsonNode mapping(String text) {
    if (text.isEmpty()) {
      return null;
    }
    if (!text.startsWith("{")) {
      throw new IllegalArgumentException(
          "a mapping needs JSON, as in {\"listen\": \"127.0.0.1:9153\"}, or one variable per key");
    }
    return structured(text, "a mapping");
  }

  private static JsonNode structured(String text, String what) {
    try {
      return FLOW.readTree(text);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException(
          "expected " + what + " in JSON: " + e.getOriginalMessage(), e);
    }
  }
}

package io.sinkhole.feed;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import io.sinkhole.ioc.Directive;
import io.sinkhole.ioc.Indicator;
import io.sinkhole.ioc.IndicatorSink;
import io.sinkhole.ioc.IndicatorType;
import io.sinkhole.ioc.MatchScope;
import io.sinkhole.ioc.ThreatInfo;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Reads STIX 2.1 bundles: {@code indicator} objects with a STIX pattern (see {@link StixPatterns}).
 * {@code confidence}, {@code valid_from} (first seen), {@code valid_until}, and {@code id}
 * (reference) fill the threat; {@code indicator_types} and the older {@code labels} become tags,
 * the first of them the threat type. {@code name} and {@code description} are free text with no
 * place in {@link ThreatInfo} and are not kept. Other object types (identity, marking-definition,
 * report, ...) are ignored.
 */
final class StixParser implements FeedParser {

  @Override
  public ParseNotes parse(InputStream in, IndicatorSink sink) throws IOException {
    ResultBuilder out = new ResultBuilder(sink);
    try (JsonParser parser = JsonFeeds.open(in)) {
      if (parser.nextToken() != JsonToken.START_OBJECT) {
        throw new IOException("not a STIX bundle: expected an object");
      }
      while (JsonFeeds.next(parser) == JsonToken.FIELD_NAME) {
        boolean objects = parser.currentName().equals("objects");
        if (JsonFeeds.next(parser) == JsonToken.START_ARRAY && objects) {
          objects(parser, out);
        } else {
          parser.skipChildren();
        }
      }
    }
    return out.build();
  }

  private static void objects(JsonParser parser, ResultBuilder out) throws IOException {
    for (JsonToken t = JsonFeeds.next(parser);
        t != JsonToken.END_ARRAY;
        t = JsonFeeds.next(parser)) {
      int line = JsonFeeds.line(parser);
      if (t != JsonToken.START_OBJECT) {
        out.problem(line, "malformed entry", parser.getText());
        parser.skipChildren();
        continue;
      }
      JsonNode object = JsonFeeds.readTree(parser);
      if ("indicator".equals(JsonFeeds.text(object, "type"))) {
        indicator(object, line, out);
      }
    }
  }

  private static void indicator(JsonNode object, int line, ResultBuilder out) {
    String pattern = JsonFeeds.text(object, "pattern");
    String patternType = JsonFeeds.text(object, "pattern_type");
    if (pattern == null || (patternType != null && !patternType.equals("stix"))) {
      out.skip("unsupported pattern");
      return;
    }
    List<StixPatterns.Comparison> comparisons = StixPatterns.comparisons(pattern);
    if (comparisons == null || comparisons.isEmpty()) {
      out.skip(pattern.contains("file:hashes") ? "hash" : "unsupported pattern");
      return;
    }
    ThreatInfo threat = threat(object, line, out);
    for (StixPatterns.Comparison comparison : comparisons) {
      add(comparison, threat, line, out);
    }
  }

  private static void add(
      StixPatterns.Comparison c, ThreatInfo threat, int line, ResultBuilder out) {
    Values.Classified value = Values.classifyAs(c.type(), c.value());
    if (value == null) {
      out.problem(
          line, c.type() == IndicatorType.DOMAIN ? "invalid name" : "invalid value", c.value());
      return;
    }
    out.add(
        new Indicator(
            value.type(),
            value.value(),
            threat,
            MatchScope.FEED_DEFAULT,
            Directive.DEFAULT,
            List.of(),
            line));
  }

  private static ThreatInfo threat(JsonNode object, int line, ResultBuilder out) {
    List<String> tags = tags(object);
    return new ThreatInfo(
        tags.isEmpty() ? null : tags.get(0),
        null,
        ThreatFields.confidence(JsonFeeds.text(object, "confidence"), line, out),
        ThreatFields.instant(JsonFeeds.text(object, "valid_from"), line, out),
        null,
        ThreatFields.instant(JsonFeeds.text(object, "valid_until"), line, out),
        JsonFeeds.text(object, "id"),
        tags);
  }

  private static List<String> tags(JsonNode object) {
    Set<String> tags = new LinkedHashSet<>();
    for (String field : new String[] {"indicator_types", "labels"}) {
      JsonNode array = object.get(field);
      if (array != null && array.isArray()) {
        array.forEach(tag -> addText(tag, tags));
      }
    }
    return new ArrayList<>(tags);
  }

  private static void addText(JsonNode node, Set<String> to) {
    if (node.isTextual() && !node.asText().isBlank()) {
      to.add(node.asText().trim());
    }
  }
}

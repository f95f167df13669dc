package io.sinkhole.feed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import io.sinkhole.ioc.Indicator;
import io.sinkhole.ioc.IndicatorType;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class StixParserTest {

  private static ParseResult bundle(String... objects) {
    return Feeds.parse(
        FeedFormat.STIX,
        "{\"type\": \"bundle\", \"id\": \"bundle--1\", \"objects\": [",
        String.join(",\n", objects),
        "]}");
  }

  private static String indicator(String pattern, String extra) {
    return "{\"type\": \"indicator\", \"spec_version\": \"2.1\", \"id\": \"indicator--a1\","
        + " \"pattern\": \""
        + pattern
        + "\", \"pattern_type\": \"stix\""
        + extra
        + "}";
  }

  @Test
  void domainIndicator_carriesValidityConfidenceAndTypes() {
    ParseResult result =
        bundle(
            indicator(
                "[domain-name:value = 'c2.example']",
                ", \"confidence\": 80, \"valid_from\": \"2024-03-25T14:47:02Z\","
                    + " \"valid_until\": \"2024-04-01T14:47:02.000Z\","
                    + " \"indicator_types\": [\"malicious-activity\"], \"labels\": [\"c2\"]"));

    Indicator indicator = result.indicators().get(0);
    assertThat(indicator.value()).isEqualTo("c2.example");
    assertThat(indicator.line()).isEqualTo(2);
    assertThat(indicator.threat().confidence()).isEqualTo(80);
    assertThat(indicator.threat().firstSeen()).isEqualTo(Instant.parse("2024-03-25T14:47:02Z"));
    assertThat(indicator.threat().validUntil()).isEqualTo(Instant.parse("2024-04-01T14:47:02Z"));
    assertThat(indicator.threat().threatType()).isEqualTo("malicious-activity");
    assertThat(indicator.threat().tags()).containsExactly("malicious-activity", "c2");
    assertThat(indicator.threat().reference()).isEqualTo("indicator--a1");
  }

  @Test
  void orPattern_yieldsEveryComparisonSharingOneThreat() {
    ParseResult result =
        bundle(
            indicator(
                "[domain-name:value = 'a.example' OR ipv4-addr:value = '192.0.2.0/24'"
                    + " OR ipv6-addr:value = '2001:db8::1' OR url:value = 'http://b.example/x']",
                ""));

    assertThat(result.indicators())
        .extracting(Indicator::type, Indicator::value)
        .containsExactlyInAnyOrder(
            tuple(IndicatorType.DOMAIN, "a.example"),
            tuple(IndicatorType.CIDR, "192.0.2.0/24"),
            tuple(IndicatorType.IP, "2001:db8::1"),
            tuple(IndicatorType.URL, "http://b.example/x"));
    assertThat(result.indicators())
        .extracting(Indicator::threat)
        .containsOnly(result.indicators().get(0).threat());
  }

  @Test
  void nonIndicatorObjects_areIgnoredSilently() {
    ParseResult result =
        bundle(
            "{\"type\": \"identity\", \"id\": \"identity--1\", \"name\": \"Example Org\"}",
            "{\"type\": \"marking-definition\", \"definition\": {\"tlp\": \"white\"}}",
            "{\"type\": \"report\", \"object_refs\": [\"indicator--a1\"]}");

    assertThat(result.indicators()).isEmpty();
    assertThat(result.problems()).isEmpty();
    assertThat(result.skipped()).isEmpty();
  }

  @Test
  void patternsWeCannotUseAlone_areSkipped() {
    ParseResult result =
        bundle(
            indicator("[domain-name:value = 'a.example' AND url:value = 'http://a.example/']", ""),
            indicator("[file:hashes.'SHA-256' = 'aa']", ""),
            indicator("[domain-name:value LIKE '%.example']", ""),
            "{\"type\": \"indicator\", \"pattern\": \"alert tcp any\", "
                + "\"pattern_type\": \"snort\"}");

    assertThat(result.indicators()).isEmpty();
    assertThat(result.skipped()).containsEntry("unsupported pattern", 3).containsEntry("hash", 1);
  }

  @Test
  void badValuesAndFields_reportedWithTheObjectLine() {
    ParseResult result =
        bundle(
            indicator("[domain-name:value = 'not a name']", ""),
            indicator("[domain-name:value = 'ok.example']", ", \"confidence\": 900"));

    assertThat(result.problems())
        .extracting(FeedProblem::line, FeedProblem::reason)
        .containsExactly(tuple(2, "invalid name"), tuple(3, "bad confidence"));
    assertThat(result.indicators()).extracting(Indicator::value).containsExactly("ok.example");
  }
}

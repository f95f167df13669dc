package io.sinkhole.feed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import io.sinkhole.ioc.Indicator;
import io.sinkhole.ioc.IndicatorType;
import org.junit.jupiter.api.Test;

class KqlListParserTest {

  private static ParseResult parse(String... lines) {
    return Feeds.parse(FeedFormat.KQL, lines);
  }

  @Test
  void dynamicLists_overSeveralLines_valuesClassifiedByShape() {
    ParseResult result =
        parse(
            "// hunting query",
            "let domains = dynamic([\"a.example\", 'B.example',",
            "    \"c[.]example\" // defanged",
            "]);",
            "let addresses = dynamic ( [\"192.0.2.1\", \"2001:db8::1\", \"198.51.100.0/24\"]);",
            "let urls = dynamic([\"http://d.example/x\", \"192.0.2.2:8080\"]);",
            "DnsEvents | where Name in (domains)");

    assertThat(result.indicators())
        .extracting(Indicator::type, Indicator::value, Indicator::line)
        .containsExactly(
            tuple(IndicatorType.DOMAIN, "a.example", 2),
            tuple(IndicatorType.DOMAIN, "b.example", 2),
            tuple(IndicatorType.DOMAIN, "c.example", 3),
            tuple(IndicatorType.IP, "192.0.2.1", 5),
            tuple(IndicatorType.IP, "2001:db8::1", 5),
            tuple(IndicatorType.CIDR, "198.51.100.0/24", 5),
            tuple(IndicatorType.URL, "http://d.example/x", 6),
            tuple(IndicatorType.IP_PORT, "192.0.2.2:8080", 6));
  }

  @Test
  void hashesAndUnrecognisedValues_areSkippedOrReported() {
    ParseResult result =
        parse(
            "let hashes = dynamic([\"d41d8cd98f00b204e9800998ecf8427e\",",
            "  \"not a value\", 42]);",
            "print dynamic({\"k\": \"v.example\"})");

    assertThat(result.indicators()).isEmpty();
    assertThat(result.skipped()).containsEntry("hash", 1);
    assertThat(result.problems())
        .extracting(FeedProblem::line, FeedProblem::reason)
        .containsExactly(tuple(2, "invalid value"));
  }
}

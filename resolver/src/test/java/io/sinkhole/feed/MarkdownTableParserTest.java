package io.sinkhole.feed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import io.sinkhole.ioc.Indicator;
import io.sinkhole.ioc.IndicatorType;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class MarkdownTableParserTest {

  private static ParseResult parse(String... lines) {
    return Feeds.parse(FeedFormat.MARKDOWN, lines);
  }

  @Test
  void iocTable_defangedValuesAndMetadata_areRead() {
    ParseResult result =
        parse(
            "# Report",
            "Some prose about the campaign.",
            "",
            "| Type | Value | Threat Type | Malware | First Seen | Confidence | Tags |",
            "|------|-------|-------------|---------|------------|-----------:|------|",
            "| domain | `api[.]c2[.]example` | botnet_cc | ExampleRAT | 2026-01-02 | 90 |"
                + " rat, c2 |",
            "| url | hxxps://dl[.]example/p.exe | payload_delivery | | | | |",
            "| ip | 192.0.2[.]5 | | | | | |",
            "| ip:port | 192.0.2.6:8443 | | | | | |");

    assertThat(result.indicators())
        .extracting(Indicator::type, Indicator::value, Indicator::line)
        .containsExactly(
            tuple(IndicatorType.DOMAIN, "api.c2.example", 6),
            tuple(IndicatorType.URL, "https://dl.example/p.exe", 7),
            tuple(IndicatorType.IP, "192.0.2.5", 8),
            tuple(IndicatorType.IP_PORT, "192.0.2.6:8443", 9));
    Indicator first = result.indicators().get(0);
    assertThat(first.threat().threatType()).isEqualTo("botnet_cc");
    assertThat(first.threat().malware()).isEqualTo("ExampleRAT");
    assertThat(first.threat().firstSeen()).isEqualTo(Instant.parse("2026-01-02T00:00:00Z"));
    assertThat(first.threat().confidence()).isEqualTo(90);
    assertThat(first.threat().tags()).containsExactly("rat", "c2");
  }

  @Test
  void severalTables_proseBetween_andNonIocTablesIgnored() {
    ParseResult result =
        parse(
            "| **IOC** | Note |",
            "| --- | --- |",
            "| a.example | first |",
            "",
            "| Step | Action |",
            "| :--- | :--- |",
            "| 1 | not.an-ioc.example |",
            "",
            "Text in between.",
            "| Indicator | Type |",
            "|---|---|",
            "| b.example | hostname |");

    assertThat(result.indicators())
        .extracting(Indicator::value, Indicator::line)
        .containsExactly(tuple("a.example", 3), tuple("b.example", 12));
  }

  @Test
  void hashRowsAndBadRows_areSkippedOrReported() {
    ParseResult result =
        parse(
            "| Type | Value |",
            "|---|---|",
            "| sha256 | e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855 |",
            "| mutex | Global\\\\x |",
            "| domain | not a domain |",
            "| domain | |");

    assertThat(result.skipped()).containsEntry("hash", 1);
    assertThat(result.problems())
        .extracting(FeedProblem::line, FeedProblem::reason)
        .containsExactly(
            tuple(4, "unknown type"), tuple(5, "invalid name"), tuple(6, "malformed line"));
  }
}

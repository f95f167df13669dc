package io.sinkhole.feed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import io.sinkhole.ioc.Indicator;
import io.sinkhole.ioc.IndicatorType;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class ThreatFoxCsvParserTest {
  private static final String HEADER =
      "# \"first_seen_utc\",\"ioc_id\",\"ioc_value\",\"ioc_type\",\"threat_type\",\"fk_malware\","
          + "\"malware_alias\",\"malware_printable\",\"last_seen_utc\",\"confidence_level\","
          + "\"is_compromised\",\"reference\",\"tags\",\"anonymous\",\"reporter\"";

  private static String row(String id, String value, String type, String confidence) {
    return "\"2026-04-12 04:49:28\", \""
        + id
        + "\", \""
        + value
        + "\", \""
        + type
        + "\", \"botnet_cc\", \"win.example_rat\", \"None\", \"ExampleRAT\", \"None\", \""
        + confidence
        + "\", \"False\", \"None\", \"rat,c2 ,\", \"0\", \"someone\"";
  }

  private static ParseResult parse(String... lines) {
    String text = String.join("\r\n", lines);
    return Feeds.parseBytes(FeedFormat.THREATFOX_CSV, text.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void domainRow_carriesThreatMetadata() {
    ParseResult result =
        parse("# ThreatFox IOCs", HEADER, row("101", "C2.Example", "domain", "75"));

    Indicator indicator = result.indicators().get(0);
    assertThat(indicator.type()).isEqualTo(IndicatorType.DOMAIN);
    assertThat(indicator.value()).isEqualTo("c2.example");
    assertThat(indicator.line()).isEqualTo(3);
    assertThat(indicator.threat().threatType()).isEqualTo("botnet_cc");
    assertThat(indicator.threat().malware()).isEqualTo("ExampleRAT");
    assertThat(indicator.threat().confidence()).isEqualTo(75);
    assertThat(indicator.threat().firstSeen()).isEqualTo(Instant.parse("2026-04-12T04:49:28Z"));
    assertThat(indicator.threat().lastSeen()).isNull();
    assertThat(indicator.threat().tags()).containsExactly("rat", "c2");
  }

  @Test
  void rowWithoutReference_pointsAtThreatFoxIocPage() {
    ParseResult result = parse(HEADER, row("101", "c2.example", "domain", "75"));

    assertThat(result.indicators().get(0).threat().reference())
        .isEqualTo("https://threatfox.abuse.ch/ioc/101/");
  }

  @Test
  void urlAndIpPortRows_keepTheirKind() {
    ParseResult result =
        parse(
            HEADER,
            row("1", "hxxp-not-defanged.example", "domain", "50"),
            row("2", "http://c2.example:8080/gate.php", "url", "50"),
            row("3", "192.0.2.10:4444", "ip:port", "50"),
            row("4", "[2001:db8::a]:443", "ip:port", "50"));

    assertThat(result.indicators())
        .extracting(Indicator::type, Indicator::value)
        .containsExactly(
            tuple(IndicatorType.DOMAIN, "hxxp-not-defanged.example"),
            tuple(IndicatorType.URL, "http://c2.example:8080/gate.php"),
            tuple(IndicatorType.IP_PORT, "192.0.2.10:4444"),
            tuple(IndicatorType.IP_PORT, "[2001:db8::a]:443"));
  }

  @Test
  void hashRows_areCountedNotEmitted() {
    ParseResult result =
        parse(
            HEADER,
            row("1", "d41d8cd98f00b204e9800998ecf8427e", "md5_hash", "50"),
            row(
                "2", "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
                "sha256_hash", "50"));

    assertThat(result.indicators()).isEmpty();
    assertThat(result.skipped()).containsEntry("hash", 2);
    assertThat(result.problems()).isEmpty();
  }

  @Test
  void badRows_areReportedWithTheirLineAndParsingGoesOn() {
    ParseResult result =
        parse(
            HEADER,
            row("1", "bad name.example", "domain", "50"),
            row("2", "ok.example", "registry_key", "50"),
            "\"unterminated, \"row",
            row("4", "ok.example", "domain", "150"),
            row("5", "fine.example", "domain", "90"));

    assertThat(result.problems())
        .extracting(FeedProblem::line, FeedProblem::reason)
        .containsExactly(
            tuple(2, "invalid name"),
            tuple(3, "unknown type"),
            tuple(4, "malformed line"),
            tuple(5, "bad confidence"));
    assertThat(result.indicators())
        .extracting(Indicator::value)
        .containsExactly("ok.example", "fine.example");
  }

  @Test
  void footerCountDifferentFromRows_isReportedAsTruncation() {
    ParseResult result =
        parse(HEADER, row("1", "a.example", "domain", "50"), "# Number of entries: 2");

    assertThat(result.problems())
        .extracting(FeedProblem::line, FeedProblem::reason)
        .containsExactly(tuple(3, "entry count mismatch"));
  }

  @Test
  void footerCountMatchingRows_isNoProblem() {
    ParseResult result =
        parse(HEADER, row("1", "a.example", "domain", "50"), "# Number of entries: 1");

    assertThat(result.problems()).isEmpty();
  }

  @Test
  void headerWithColumnsInOtherOrder_isFollowed() {
    ParseResult result =
        parse(
            "# \"ioc_type\",\"ioc_value\",\"confidence_level\"",
            "\"domain\", \"moved.example\", \"40\"");

    assertThat(result.indicators()).extracting(Indicator::value).containsExactly("moved.example");
    assertThat(result.indicators().get(0).threat().confidence()).isEqualTo(40);
  }
}

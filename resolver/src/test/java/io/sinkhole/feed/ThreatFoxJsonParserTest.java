package io.sinkhole.feed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.groups.Tuple.tuple;

import io.sinkhole.ioc.Indicator;
import io.sinkhole.ioc.IndicatorType;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ThreatFoxJsonParserTest {

  private static ParseResult parse(String... lines) {
    return Feeds.parse(FeedFormat.THREATFOX_JSON, lines);
  }

  @Test
  void iocObjects_becomeIndicatorsWithTheirStartLine() {
    ParseResult result =
        parse(
            "{",
            "  \"7\": [",
            "    {\"ioc_value\": \"c2.example\", \"ioc_type\": \"domain\",",
            "     \"threat_type\": \"botnet_cc\", \"malware\": \"win.rat\",",
            "     \"malware_printable\": null, \"confidence_level\": 100,",
            "     \"first_seen_utc\": \"2026-07-24 13:50:06\", \"last_seen_utc\": null,",
            "     \"reference\": \"https://report.example/1\", \"tags\": \"rat,c2\"}",
            "  ],",
            "  \"8\": [{\"ioc_value\": \"192.0.2.1:80\", \"ioc_type\": \"ip:port\"}]",
            "}");

    assertThat(result.indicators())
        .extracting(Indicator::type, Indicator::value, Indicator::line)
        .containsExactly(
            tuple(IndicatorType.DOMAIN, "c2.example", 3),
            tuple(IndicatorType.IP_PORT, "192.0.2.1:80", 9));
    Indicator first = result.indicators().get(0);
    assertThat(first.threat().malware()).isEqualTo("win.rat");
    assertThat(first.threat().confidence()).isEqualTo(100);
    assertThat(first.threat().reference()).isEqualTo("https://report.example/1");
    assertThat(first.threat().tags()).containsExactly("rat", "c2");
    assertThat(result.indicators().get(1).threat().reference())
        .isEqualTo("https://threatfox.abuse.ch/ioc/8/");
  }

  @Test
  void hashesAndOddEntries_areSkippedOrReported() {
    ParseResult result =
        parse(
            "{\"1\": [{\"ioc_value\": \"d41d8cd98f00b204e9800998ecf8427e\", "
                + "\"ioc_type\": \"md5_hash\"}],",
            " \"2\": \"not an array\",",
            " \"3\": [42, {\"ioc_value\": \"x\", \"ioc_type\": \"email\"}],",
            " \"4\": [{\"ioc_value\": \"ok.example\", \"ioc_type\": \"domain\", "
                + "\"confidence_level\": \"high\"}]}");

    assertThat(result.skipped()).containsEntry("hash", 1);
    assertThat(result.problems())
        .extracting(FeedProblem::line, FeedProblem::reason)
        .containsExactly(
            tuple(2, "malformed entry"),
            tuple(3, "malformed entry"),
            tuple(3, "unknown type"),
            tuple(4, "bad confidence"));
    assertThat(result.indicators()).extracting(Indicator::value).containsExactly("ok.example");
  }

  @Test
  void contentThatIsNotJson_failsWithIoException() {
    ByteArrayInputStream in =
        new ByteArrayInputStream("0.0.0.0 a.example".getBytes(StandardCharsets.UTF_8));

    assertThatThrownBy(() -> FeedFormat.THREATFOX_JSON.parser().parse(in))
        .isInstanceOf(IOException.class);
  }

  @Test
  void truncatedDocument_failsWithIoException() {
    ByteArrayInputStream in =
        new ByteArrayInputStream("{\"1\": [{\"ioc_value\": \"a".getBytes(StandardCharsets.UTF_8));

    assertThatThrownBy(() -> FeedFormat.THREATFOX_JSON.parser().parse(in))
        .isInstanceOf(IOException.class);
  }
}

package io.sinkhole.feed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import io.sinkhole.ioc.Indicator;
import io.sinkhole.ioc.ThreatInfo;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class HostsParserTest {

  private static ParseResult parse(String... lines) {
    return Feeds.parse(FeedFormat.HOSTS, lines);
  }

  @Test
  void hostsFile_everyAddressForm_blocksTheName() {
    ParseResult result =
        parse(
            "0.0.0.0 a.example",
            "127.0.0.1\tb.example",
            ":: c.example",
            "::1 d.example",
            "192.0.2.1 e.example");

    assertThat(result.indicators())
        .extracting(Indicator::value)
        .containsExactly("a.example", "b.example", "c.example", "d.example", "e.example");
  }

  @Test
  void hostsFile_severalNamesOnOneLine_allKeptWithThatLine() {
    ParseResult result = parse("# header", "0.0.0.0 a.example B.Example.  c.example");

    assertThat(result.indicators())
        .extracting(Indicator::value, Indicator::line)
        .containsExactly(tuple("a.example", 2), tuple("b.example", 2), tuple("c.example", 2));
  }

  @Test
  void hostsFile_trailingComment_isIgnored() {
    ParseResult result = parse("0.0.0.0 a.example # tracking.example", "   # indented comment");

    assertThat(result.indicators()).extracting(Indicator::value).containsExactly("a.example");
    assertThat(result.problems()).isEmpty();
  }

  @Test
  void hostsFile_localhostBlock_isSkipped() {
    ParseResult result =
        parse(
            "127.0.0.1 localhost",
            "127.0.0.1 localhost.localdomain",
            "127.0.0.1 local",
            "255.255.255.255 broadcasthost",
            "::1 localhost ip6-localhost ip6-loopback",
            "fe80::1%lo0 localhost",
            "ff00::0 ip6-localnet",
            "ff00::0 ip6-mcastprefix",
            "ff02::1 ip6-allnodes",
            "ff02::2 ip6-allrouters",
            "ff02::3 ip6-allhosts",
            "0.0.0.0 0.0.0.0");

    assertThat(result.indicators()).isEmpty();
    assertThat(result.problems()).isEmpty();
    assertThat(result.skipped()).containsEntry("localhost", 14);
  }

  @Test
  void hostsFile_badLines_reportedWithLineNumbers() {
    ParseResult result =
        parse(
            "0.0.0.0 ok.example",
            "a.example",
            "0.0.0.0",
            "0.0.0.0 bad_name!.example",
            "999.0.0.1 x.example");

    assertThat(result.problems())
        .extracting(FeedProblem::line, FeedProblem::reason)
        .containsExactly(
            tuple(2, "malformed line"),
            tuple(3, "malformed line"),
            tuple(4, "invalid name"),
            tuple(5, "malformed line"));
    assertThat(result.indicators()).hasSize(1);
  }

  @Test
  void hostsFile_everyEntry_sharesTheNoneThreatInstance() {
    ParseResult result = parse("0.0.0.0 a.example", "0.0.0.0 b.example");

    assertThat(result.indicators())
        .allSatisfy(i -> assertThat(i.threat()).isSameAs(ThreatInfo.NONE));
  }

  /** Speed is measured by the JMH suite (issue #5); this checks the large-file shape only. */
  @Test
  void hostsFile_oneMillionLines_allParsed_sharingOneThreatInfo() {
    StringBuilder text = new StringBuilder(40_000_000);
    for (int i = 0; i < 1_000_000; i++) {
      text.append("0.0.0.0 host-").append(i).append(".tracker.example\n");
    }

    ParseResult result =
        Feeds.parseBytes(FeedFormat.HOSTS, text.toString().getBytes(StandardCharsets.UTF_8));

    assertThat(result.indicators()).hasSize(1_000_000);
    assertThat(result.indicators().get(999_999).value()).isEqualTo("host-999999.tracker.example");
    assertThat(result.indicators().get(0).threat())
        .isSameAs(result.indicators().get(999_999).threat());
  }
}

package io.sinkhole.feed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import io.sinkhole.ioc.Directive;
import io.sinkhole.ioc.Indicator;
import io.sinkhole.ioc.IndicatorType;
import io.sinkhole.ioc.MatchScope;
import org.junit.jupiter.api.Test;

class AdblockParserTest {

  private static ParseResult parse(String... lines) {
    return Feeds.parse(FeedFormat.ADBLOCK, lines);
  }

  @Test
  void hostRule_blocksNameAndSubdomains() {
    ParseResult result = parse("[Adblock Plus 2.0]", "! Title: test", "||Ads.Example^");

    assertThat(result.indicators())
        .extracting(Indicator::value, Indicator::scope, Indicator::directive, Indicator::line)
        .containsExactly(
            tuple("ads.example", MatchScope.NAME_AND_SUBDOMAINS, Directive.DEFAULT, 3));
  }

  @Test
  void exceptionRule_allows() {
    ParseResult result = parse("@@||good.example^");

    assertThat(result.indicators())
        .extracting(Indicator::value, Indicator::directive)
        .containsExactly(tuple("good.example", Directive.ALLOW));
  }

  @Test
  void safeModifiers_areAccepted() {
    ParseResult result = parse("||a.example^$important", "||b.example^|", "||c.example^$all");

    assertThat(result.indicators())
        .extracting(Indicator::value)
        .containsExactly("a.example", "b.example", "c.example");
  }

  @Test
  void addressRules_becomeIpIndicators() {
    ParseResult result = parse("||192.0.2.1^", "||[2001:DB8::1]^");

    assertThat(result.indicators())
        .extracting(Indicator::type, Indicator::value)
        .containsExactly(
            tuple(IndicatorType.IP, "192.0.2.1"), tuple(IndicatorType.IP, "2001:db8::1"));
  }

  @Test
  void rulesDnsCannotHonour_areCountedBySkipReason() {
    ParseResult result =
        parse(
            "example.example##.banner",
            "##.ad",
            "/ads[0-9]+\\.example/",
            "||a.example^$client=192.0.2.1",
            "||a.example^$dnsrewrite=NOERROR;A;192.0.2.1",
            "||a.example/path^",
            "||a.example^/banner.gif",
            "||*.a.example^",
            "||partial.example",
            "|http://a.example/");

    assertThat(result.indicators()).isEmpty();
    assertThat(result.problems()).isEmpty();
    assertThat(result.skipped())
        .containsEntry("cosmetic rule", 2)
        .containsEntry("regex rule", 1)
        .containsEntry("unsupported modifier", 2)
        .containsEntry("path rule", 2)
        .containsEntry("wildcard rule", 1)
        .containsEntry("pattern rule", 2);
  }

  @Test
  void invalidHost_reportedWithLineNumber() {
    ParseResult result = parse("! c", "||ok.example^", "||bad name.example^", "||^");

    assertThat(result.problems())
        .extracting(FeedProblem::line, FeedProblem::reason)
        .containsExactly(tuple(3, "invalid name"), tuple(4, "invalid name"));
  }
}

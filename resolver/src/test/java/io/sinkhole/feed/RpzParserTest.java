package io.sinkhole.feed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import io.sinkhole.ioc.Directive;
import io.sinkhole.ioc.Indicator;
import io.sinkhole.ioc.IndicatorType;
import io.sinkhole.ioc.MatchScope;
import org.junit.jupiter.api.Test;

class RpzParserTest {
  private static final String[] HEAD = {
    "$ORIGIN rpz.example.", "$TTL 300", "@ IN SOA ns.example. admin.example. (",
    "    2026010101 ; serial", "    3600 600 86400 300 )", "  IN NS ns.example.",
  };

  private static ParseResult parse(String... records) {
    String[] lines = new String[HEAD.length + records.length];
    System.arraycopy(HEAD, 0, lines, 0, HEAD.length);
    System.arraycopy(records, 0, lines, HEAD.length, records.length);
    return Feeds.parse(FeedFormat.RPZ, lines);
  }

  @Test
  void zoneHeader_soaOverSeveralLinesAndNs_isSkippedNotReported() {
    ParseResult result = parse();

    assertThat(result.indicators()).isEmpty();
    assertThat(result.problems()).isEmpty();
    assertThat(result.skipped()).containsEntry("zone record", 2);
  }

  @Test
  void cnameTargets_mapToDirectives() {
    ParseResult result =
        parse(
            "nx.example CNAME .",
            "nodata.example 300 IN CNAME *.",
            "pass.example IN CNAME rpz-passthru.",
            "drop.example CNAME rpz-drop.");

    assertThat(result.indicators())
        .extracting(Indicator::value, Indicator::directive, Indicator::line)
        .containsExactly(
            tuple("nx.example", Directive.NXDOMAIN, 7),
            tuple("nodata.example", Directive.NODATA, 8),
            tuple("pass.example", Directive.ALLOW, 9),
            tuple("drop.example", Directive.NXDOMAIN, 10));
    assertThat(result.indicators().get(3).threat().tags()).containsExactly("rpz-drop");
  }

  @Test
  void wildcardOwner_coversSubdomainsOnly_plainOwnerIsExact() {
    ParseResult result = parse("bad.example CNAME .", "*.bad.example CNAME .");

    assertThat(result.indicators())
        .extracting(Indicator::value, Indicator::scope)
        .containsExactly(
            tuple("bad.example", MatchScope.EXACT),
            tuple("bad.example", MatchScope.SUBDOMAINS_ONLY));
  }

  @Test
  void absoluteOwnerInsideOrigin_isMadeRelative() {
    ParseResult result = parse("abs.example.rpz.example. CNAME .", "other.example. CNAME .");

    assertThat(result.indicators()).extracting(Indicator::value).containsExactly("abs.example");
    assertThat(result.problems())
        .extracting(FeedProblem::line, FeedProblem::reason)
        .containsExactly(tuple(8, "outside zone"));
  }

  @Test
  void localData_recordsOfOneOwnerAccumulate() {
    ParseResult result =
        parse(
            "portal.example A 192.0.2.10",
            "  AAAA 2001:db8::10",
            "portal.example TXT \"blocked; see admin\"",
            "alias.example CNAME walled-garden.example.",
            "rel.example CNAME garden");

    assertThat(result.indicators())
        .extracting(Indicator::value, Indicator::directive, Indicator::localData)
        .containsExactly(
            tuple(
                "portal.example",
                Directive.LOCAL_DATA,
                java.util.List.of(
                    "A 192.0.2.10", "AAAA 2001:db8::10", "TXT \"blocked; see admin\"")),
            tuple(
                "alias.example",
                Directive.LOCAL_DATA,
                java.util.List.of("CNAME walled-garden.example.")),
            tuple(
                "rel.example",
                Directive.LOCAL_DATA,
                java.util.List.of("CNAME garden.rpz.example.")));
  }

  @Test
  void conflictingActionsForOneOwner_reported() {
    ParseResult result = parse("x.example CNAME .", "x.example A 192.0.2.1");

    assertThat(result.indicators())
        .extracting(Indicator::directive)
        .containsExactly(Directive.NXDOMAIN);
    assertThat(result.problems())
        .extracting(FeedProblem::line, FeedProblem::reason)
        .containsExactly(tuple(8, "conflicting records"));
  }

  @Test
  void ipTriggers_becomeAddressIndicators() {
    ParseResult result =
        parse(
            "32.10.2.0.192.rpz-ip CNAME .",
            "24.0.2.0.192.rpz-ip CNAME .",
            "128.1.zz.db8.2001.rpz-ip CNAME .",
            "ns.example.rpz-nsdname CNAME .");

    assertThat(result.indicators())
        .extracting(Indicator::type, Indicator::value)
        .containsExactly(
            tuple(IndicatorType.IP, "192.0.2.10"),
            tuple(IndicatorType.CIDR, "192.0.2.0/24"),
            tuple(IndicatorType.IP, "2001:db8::1"));
    assertThat(result.skipped()).containsEntry("unsupported trigger", 1);
  }

  @Test
  void badRecords_reportedWithLineNumbers() {
    ParseResult result =
        parse(
            "; comment",
            "bad!name.example CNAME .",
            "lonely.example",
            "ok.example CNAME .",
            "99.1.2.3.4.rpz-ip CNAME .");

    assertThat(result.problems())
        .extracting(FeedProblem::line, FeedProblem::reason)
        .containsExactly(
            tuple(8, "invalid name"), tuple(9, "malformed line"), tuple(11, "invalid name"));
    assertThat(result.indicators()).extracting(Indicator::value).containsExactly("ok.example");
  }

  @Test
  void unclosedParenthesis_reportedAtItsStart() {
    ParseResult result = parse("x.example TXT ( \"never closed\"");

    assertThat(result.problems())
        .extracting(FeedProblem::line, FeedProblem::reason)
        .containsExactly(tuple(7, "unclosed parenthesis"));
  }
}

package io.sinkhole.feed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import io.sinkhole.ioc.Indicator;
import io.sinkhole.ioc.MatchScope;
import org.junit.jupiter.api.Test;

class DomainListParserTest {

  private static ParseResult parse(String... lines) {
    return Feeds.parse(FeedFormat.DOMAINS, lines);
  }

  @Test
  void plainList_commentsAndBlankLines_areIgnored() {
    ParseResult result =
        parse("# list", "! adblock-style comment", "", "  a.example  ", "B.example. # note");

    assertThat(result.indicators())
        .extracting(Indicator::value, Indicator::line)
        .containsExactly(tuple("a.example", 4), tuple("b.example", 5));
    assertThat(result.problems()).isEmpty();
  }

  @Test
  void plainList_wildcardPrefix_coversNamesBelowOnly() {
    ParseResult result = parse("*.tracker.example");

    assertThat(result.indicators())
        .extracting(Indicator::value, Indicator::scope)
        .containsExactly(tuple("tracker.example", MatchScope.SUBDOMAINS_ONLY));
  }

  @Test
  void plainList_badLines_reportedWithLineNumbers() {
    ParseResult result = parse("ok.example", "two names.example", "192.0.2.1", "bad!.example");

    assertThat(result.problems())
        .extracting(FeedProblem::line, FeedProblem::reason)
        .containsExactly(
            tuple(2, "malformed line"), tuple(3, "invalid name"), tuple(4, "invalid name"));
  }

  @Test
  void garbageFeed_problemListIsCapped_restCounted() {
    String[] lines = new String[1200];
    java.util.Arrays.fill(lines, "not a name");

    ParseResult result = parse(lines);

    assertThat(result.problems()).hasSize(ResultBuilder.MAX_LISTED_PROBLEMS);
    assertThat(result.skipped()).containsEntry(ResultBuilder.UNLISTED_PROBLEMS, 200);
  }
}

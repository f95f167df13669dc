package io.sinkhole.feed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import io.sinkhole.ioc.Indicator;
import io.sinkhole.ioc.IndicatorType;
import org.junit.jupiter.api.Test;

class RankCsvParserTest {

  @Test
  void rankedRows_pathDropped_headerIgnored() {
    ParseResult result =
        Feeds.parse(
            FeedFormat.RANK_CSV,
            "rank,domain",
            "1,popular.example",
            "2,docs.example/user/reg",
            "3,192.0.2.1",
            "4,tranco.example,extra",
            "five,bad.example",
            "6,bad name.example");

    assertThat(result.indicators())
        .extracting(Indicator::type, Indicator::value, Indicator::line)
        .containsExactly(
            tuple(IndicatorType.DOMAIN, "popular.example", 2),
            tuple(IndicatorType.DOMAIN, "docs.example", 3),
            tuple(IndicatorType.IP, "192.0.2.1", 4),
            tuple(IndicatorType.DOMAIN, "tranco.example", 5));
    assertThat(result.problems())
        .extracting(FeedProblem::line, FeedProblem::reason)
        .containsExactly(tuple(6, "malformed line"), tuple(7, "invalid name"));
  }
}

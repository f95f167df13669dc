package io.sinkhole.feed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import io.sinkhole.ioc.Directive;
import io.sinkhole.ioc.Indicator;
import io.sinkhole.ioc.IndicatorType;
import org.junit.jupiter.api.Test;

class MispWarninglistParserTest {

  @Test
  void listEntries_becomeDomainAndAddressIndicators() {
    ParseResult result =
        Feeds.parse(
            FeedFormat.MISP_WARNINGLIST,
            "{",
            "  \"description\": \"popular\",",
            "  \"list\": [",
            "    \"Popular.Example\",",
            "    \".cdn.example\",",
            "    \"192.0.2.0/24\",",
            "    \"not valid!\",",
            "    7",
            "  ],",
            "  \"name\": \"test\", \"type\": \"hostname\", \"version\": 1",
            "}");

    assertThat(result.indicators())
        .extracting(Indicator::type, Indicator::value, Indicator::directive, Indicator::line)
        .containsExactly(
            tuple(IndicatorType.DOMAIN, "popular.example", Directive.DEFAULT, 4),
            tuple(IndicatorType.DOMAIN, "cdn.example", Directive.DEFAULT, 5),
            tuple(IndicatorType.CIDR, "192.0.2.0/24", Directive.DEFAULT, 6));
    assertThat(result.problems())
        .extracting(FeedProblem::line, FeedProblem::reason)
        .containsExactly(tuple(7, "invalid name"), tuple(8, "malformed entry"));
  }
}

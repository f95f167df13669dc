package io.sinkhole.ioc;

import static org.assertj.core.api.Assertions.assertThat;

import io.sinkhole.ioc.IocSetBuilder.FeedOptions;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class IocSetTest {
  private static final FeedOptions WITH_SUBDOMAINS = new FeedOptions(0, "list", true, false);

  private static IocSet listOf(String... names) {
    List<Indicator> inds = new ArrayList<>();
    for (String n : names) {
      inds.add(Indicator.domain(n, ThreatInfo.NONE, inds.size() + 1));
    }
    return new IocSetBuilder().addFeed(WITH_SUBDOMAINS, inds).build();
  }

  private static String matched(IocSet set, String query) {
    DomainMatch m = QueryNames.of(query).matchIn(set);
    return m == null ? null : m.indicator() + "@" + m.depth();
  }

  @Test
  void listedName_matchesItselfAndEverySubdomain() {
    IocSet set = listOf("bad.example");

    assertThat(matched(set, "bad.example")).isEqualTo("bad.example@0");
    assertThat(matched(set, "a.b.c.bad.example")).isEqualTo("bad.example@3");
  }

  @Test
  void nameSharingOnlyAParentOrATextSuffix_isNotMatched() {
    IocSet set = listOf("bad.example", "www.shop.example");

    assertThat(matched(set, "notbad.example")).isNull();
    assertThat(matched(set, "example")).isNull();
    assertThat(matched(set, "shop.example")).isNull();
    assertThat(matched(set, "cdn.shop.example")).isNull();
    assertThat(matched(set, "x.www.shop.example")).isEqualTo("www.shop.example@1");
  }

  @Test
  void listedNameBelowUnlistedParents_isFoundFromDeeperQueries() {
    IocSet set = listOf("a.b.c.d.example");

    assertThat(matched(set, "z.y.a.b.c.d.example")).isEqualTo("a.b.c.d.example@2");
    assertThat(matched(set, "b.c.d.example")).isNull();
  }

  @Test
  void listedSubdomainAndParent_mostSpecificDecides() {
    IocSet set = listOf("example", "a.example");

    assertThat(matched(set, "x.a.example")).isEqualTo("a.example@1");
    assertThat(matched(set, "x.b.example")).isEqualTo("example@2");
  }

  @Test
  void exactClaimOnSubdomain_fallsBackToParentClaimForNamesBelow() {
    IocSet set =
        new IocSetBuilder()
            .addFeed(new FeedOptions(0, "exact", false, false), domains("a.example"))
            .addFeed(WITH_SUBDOMAINS, domains("example"))
            .build();

    DomainMatch exact = QueryNames.of("a.example").matchIn(set);
    assertThat(exact.indicator()).isEqualTo("a.example");
    assertThat(exact.claims()).extracting(Provenance::feedName).containsExactly("exact");
    assertThat(matched(set, "x.a.example")).isEqualTo("example@2");
  }

  @Test
  void subdomainsOnlyClaim_doesNotCoverTheListedNameItself() {
    Indicator below =
        new Indicator(
            IndicatorType.DOMAIN,
            "example",
            ThreatInfo.NONE,
            MatchScope.SUBDOMAINS_ONLY,
            Directive.DEFAULT,
            List.of(),
            1);
    IocSet set = new IocSetBuilder().addFeed(WITH_SUBDOMAINS, List.of(below)).build();

    assertThat(matched(set, "example")).isNull();
    assertThat(matched(set, "www.example")).isEqualTo("example@1");
  }

  @Test
  void expiredClaim_isIgnoredAfterItsValidUntil() {
    ThreatInfo until =
        new ThreatInfo(null, null, 50, null, null, Instant.ofEpochMilli(1000), null, List.of());
    Indicator ind =
        new Indicator(
            IndicatorType.DOMAIN,
            "old.example",
            until,
            MatchScope.FEED_DEFAULT,
            Directive.DEFAULT,
            List.of(),
            1);
    IocSet set = new IocSetBuilder().addFeed(WITH_SUBDOMAINS, List.of(ind)).build();
    QueryNames q = QueryNames.of("old.example");

    assertThat(set.match(q.wire, q.labelStarts, q.labelCount, q.length, 999, new long[8]))
        .isNotNull();
    assertThat(set.match(q.wire, q.labelStarts, q.labelCount, q.length, 1001, new long[8]))
        .isNull();
  }

  @Test
  void sameNameInTwoFeeds_carriesBothClaims() {
    IocSet set =
        new IocSetBuilder()
            .addFeed(new FeedOptions(0, "one", true, false), domains("dup.example"))
            .addFeed(new FeedOptions(1, "two", true, false), domains("dup.example"))
            .build();

    assertThat(QueryNames.of("dup.example").matchIn(set).claims())
        .extracting(Provenance::feedName)
        .containsExactly("one", "two");
  }

  @Test
  void manyDistinctClaims_eachNameKeepsItsOwn() {
    // 70,000 distinct claims need the widest claim table; 300 would fit the narrow ones.
    for (int claims : new int[] {300, 70_000}) {
      List<Indicator> inds = new ArrayList<>();
      for (int i = 0; i < claims; i++) {
        ThreatInfo t = new ThreatInfo(null, null, 50, null, null, null, "r" + i, List.of());
        inds.add(
            new Indicator(
                IndicatorType.DOMAIN,
                "n" + i + ".example",
                t,
                MatchScope.FEED_DEFAULT,
                Directive.DEFAULT,
                List.of(),
                i + 1));
      }
      IocSet set = new IocSetBuilder().addFeed(WITH_SUBDOMAINS, inds).build();

      for (int i = 0; i < claims; i += claims / 7) {
        assertThat(QueryNames.of("www.n" + i + ".example").matchIn(set).claims())
            .extracting(p -> p.threat().reference())
            .containsExactly("r" + i);
      }
    }
  }

  private static List<Indicator> domains(String... names) {
    List<Indicator> out = new ArrayList<>();
    for (String n : names) {
      out.add(Indicator.domain(n, ThreatInfo.NONE, out.size() + 1));
    }
    return out;
  }
}

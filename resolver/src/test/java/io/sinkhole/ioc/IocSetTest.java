package io.sinkhole.ioc;

import static org.assertj.core.api.Assertions.assertThat;

import io.sinkhole.ioc.IocSetBuilder.FeedOptions;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class IocSetTest {
  private static final ThreatInfo C2 =
      new ThreatInfo("botnet_cc", "4h_rat", 75, null, null, null, null, List.of());

  private static IocSet set(boolean subdomains, Indicator... indicators) {
    return new IocSetBuilder()
        .addFeed(new FeedOptions(0, "feed-a", subdomains, false), List.of(indicators))
        .build();
  }

  /** Matches a presentation name by converting it to wire form as the parser would. */
  private static DomainMatch match(IocSet set, String name, long now) {
    byte[] wire = new byte[256];
    int len = WireNames.toWire(name.toLowerCase(java.util.Locale.ROOT), wire);
    int[] starts = new int[128];
    int count = 0;
    for (int p = 0; p < len; p += wire[p] + 1) {
      starts[count++] = p;
    }
    return set.match(wire, starts, count, len, now, new long[128]);
  }

  @Test
  void listedName_matchesItselfAndEveryNameBelow() {
    IocSet set = set(true, Indicator.domain("api.r0csgo.com", C2, 1));

    assertThat(match(set, "api.r0csgo.com", 0).depth()).isZero();
    assertThat(match(set, "x.y.api.r0csgo.com", 0).depth()).isEqualTo(2);
    assertThat(match(set, "x.y.api.r0csgo.com", 0).indicator()).isEqualTo("api.r0csgo.com");
  }

  @Test
  void labelBoundary_isRespected_noOverBlocking() {
    IocSet set = set(true, Indicator.domain("bad.example", C2, 1));

    assertThat(match(set, "notbad.example", 0)).isNull();
    assertThat(match(set, "example", 0)).isNull();
    assertThat(match(set, "bad.example.com", 0)).isNull();
  }

  @Test
  void feedWithoutSubdomains_matchesOnlyTheListedName() {
    IocSet set = set(false, Indicator.domain("bad.example", C2, 1));

    assertThat(match(set, "bad.example", 0)).isNotNull();
    assertThat(match(set, "www.bad.example", 0)).isNull();
  }

  @Test
  void mostSpecificListedName_decides() {
    ThreatInfo other =
        new ThreatInfo("payload_delivery", "x", 50, null, null, null, null, List.of());
    IocSet set =
        set(true, Indicator.domain("example", C2, 1), Indicator.domain("cdn.example", other, 2));

    DomainMatch m = match(set, "a.cdn.example", 0);

    assertThat(m.indicator()).isEqualTo("cdn.example");
    assertThat(m.claims())
        .extracting(p -> p.threat().threatType())
        .containsExactly("payload_delivery");
  }

  @Test
  void expiredIndicator_stopsMatching_withoutReload() {
    Instant until = Instant.parse("2026-01-01T00:00:00Z");
    ThreatInfo expiring = new ThreatInfo("botnet_cc", null, 90, null, null, until, null, List.of());
    IocSet set = set(true, Indicator.domain("old.example", expiring, 1));

    assertThat(match(set, "old.example", until.toEpochMilli() - 1)).isNotNull();
    assertThat(match(set, "old.example", until.toEpochMilli() + 1)).isNull();
  }

  @Test
  void sameNameInTwoFeeds_keepsBothProvenances() {
    IocSet set =
        new IocSetBuilder()
            .addFeed(
                new FeedOptions(0, "a", true, false), List.of(Indicator.domain("x.example", C2, 1)))
            .addFeed(
                new FeedOptions(1, "b", true, false),
                List.of(Indicator.domain("x.example", ThreatInfo.NONE, 7)))
            .build();

    assertThat(match(set, "x.example", 0).claims())
        .extracting(Provenance::feedName)
        .containsExactly("a", "b");
    assertThat(set.domainCount()).isEqualTo(1);
  }

  @Test
  void manyNames_allFound_andUnlistedNamesMissed() {
    IocSetBuilder b = new IocSetBuilder();
    List<Indicator> list = new java.util.ArrayList<>();
    for (int i = 0; i < 50_000; i++) {
      list.add(Indicator.domain("host" + i + ".example", ThreatInfo.NONE, i + 1));
    }
    IocSet set = b.addFeed(new FeedOptions(0, "big", false, false), list).build();

    for (int i = 0; i < 50_000; i += 997) {
      assertThat(match(set, "host" + i + ".example", 0)).isNotNull();
      assertThat(match(set, "host" + i + ".example.org", 0)).isNull();
    }
    assertThat(set.domainCount()).isEqualTo(50_000);
  }
}

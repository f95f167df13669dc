package io.sinkhole.feed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import io.sinkhole.ioc.Directive;
import io.sinkhole.ioc.Indicator;
import io.sinkhole.ioc.IndicatorType;
import io.sinkhole.ioc.MatchScope;
import java.io.IOException;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Loads every published feed in shared/data and checks the exact number of indicators of each kind.
 * The counts were taken from the files with grep, awk and python, independently of this code; they
 * agree with shared/data/README.md unless a comment says otherwise.
 */
class RealFeedsTest {

  private static ParseResult read(String file, FeedFormat format) throws IOException {
    ParseResult result = FeedReader.read(TestData.sharedData(file), format);
    assertThat(result.problems()).as("problems in " + file).isEmpty();
    return result;
  }

  private static <K> Map<K, Long> countBy(ParseResult result, Function<Indicator, K> key) {
    return result.indicators().stream().collect(Collectors.groupingBy(key, Collectors.counting()));
  }

  @Test
  void threatFoxCsv_862Iocs_647Domains() throws IOException {
    ParseResult result = read("threatfox-recent-export-2026-04-12.csv", FeedFormat.THREATFOX_CSV);

    assertThat(countBy(result, Indicator::type))
        .containsOnly(
            entry(IndicatorType.DOMAIN, 647L),
            entry(IndicatorType.URL, 114L),
            entry(IndicatorType.IP_PORT, 100L));
    assertThat(result.skipped()).containsOnly(entry("hash", 1));
  }

  @Test
  void threatFoxJson_4488Iocs_1207Domains() throws IOException {
    ParseResult result = read("threatfox-recent-export-2026-07-24.json", FeedFormat.THREATFOX_JSON);

    assertThat(countBy(result, Indicator::type))
        .containsOnly(
            entry(IndicatorType.DOMAIN, 1207L),
            entry(IndicatorType.IP_PORT, 2412L),
            entry(IndicatorType.URL, 408L));
    // 169 sha256 + 146 sha1 + 146 md5
    assertThat(result.skipped()).containsOnly(entry("hash", 461));
  }

  @Test
  void urlhausRpz_2689NxdomainTriggers() throws IOException {
    ParseResult result = read("urlhaus-filter-rpz.conf", FeedFormat.RPZ);

    assertThat(result.indicators()).hasSize(2689);
    assertThat(result.indicators())
        .allMatch(i -> i.directive() == Directive.NXDOMAIN && i.scope() == MatchScope.EXACT);
    assertThat(result.skipped()).containsOnly(entry("zone record", 2));
  }

  @Test
  void urlhausHosts_2689Names() throws IOException {
    ParseResult result = read("urlhaus-filter-hosts.txt", FeedFormat.HOSTS);

    assertThat(countBy(result, Indicator::type)).containsOnly(entry(IndicatorType.DOMAIN, 2689L));
  }

  @Test
  void urlhausAdGuardHome_25768Rules_23079Ipv4() throws IOException {
    ParseResult result = read("urlhaus-filter-agh.txt", FeedFormat.ADBLOCK);

    assertThat(countBy(result, Indicator::type))
        .containsOnly(entry(IndicatorType.IP, 23079L), entry(IndicatorType.DOMAIN, 2689L));
  }

  @Test
  void threatFoxAdGuard_55237DomainRules() throws IOException {
    ParseResult result =
        read("threatfox-domains-adguard-w47son-2025-09-27.txt", FeedFormat.ADBLOCK);

    assertThat(countBy(result, Indicator::scope))
        .containsOnly(entry(MatchScope.NAME_AND_SUBDOMAINS, 55237L));
  }

  @Test
  void stevenBlackHosts_115262Names_localhostBlockSkipped() throws IOException {
    ParseResult result = read("stevenblack-hosts-2024-09-27.txt", FeedFormat.HOSTS);

    assertThat(countBy(result, Indicator::type)).containsOnly(entry(IndicatorType.DOMAIN, 115262L));
    // 13 lines of the localhost block, ::1 with three names on one line counted as one each: 14
    assertThat(result.skipped()).containsOnly(entry("localhost", 14));
  }

  @Test
  void digitalsideStix_57DomainIndicators() throws IOException {
    ParseResult result = read("digitalside-latestdomains-stix21.json", FeedFormat.STIX);

    assertThat(countBy(result, Indicator::type)).containsOnly(entry(IndicatorType.DOMAIN, 57L));
    assertThat(result.skipped()).isEmpty();
  }

  @Test
  void mispCloudflareRadar_99986Domains() throws IOException {
    ParseResult result =
        read("misp-warninglist-cloudflare-radar-top100k.json", FeedFormat.MISP_WARNINGLIST);

    assertThat(countBy(result, Indicator::type)).containsOnly(entry(IndicatorType.DOMAIN, 99986L));
  }

  @Test
  void mispTranco_9992Domains() throws IOException {
    ParseResult result = read("misp-warninglist-tranco-top10k.json", FeedFormat.MISP_WARNINGLIST);

    assertThat(countBy(result, Indicator::type)).containsOnly(entry(IndicatorType.DOMAIN, 9992L));
  }

  @Test
  void alexaTop100k_99989Rows_116BareAddresses() throws IOException {
    ParseResult result = read("alexa-top-100k-2015.csv", FeedFormat.RANK_CSV);

    // 463 of the domain rows carry a path after the name, which is dropped.
    assertThat(countBy(result, Indicator::type))
        .containsOnly(entry(IndicatorType.DOMAIN, 99873L), entry(IndicatorType.IP, 116L));
  }
}

package io.sinkhole.feed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class FeedFormatTest {

  @ParameterizedTest
  @CsvSource({
    "threatfox-recent-export-2026-04-12.csv, THREATFOX_CSV",
    "threatfox-recent-export-2026-07-24.json, THREATFOX_JSON",
    "urlhaus-filter-rpz.conf, RPZ",
    "urlhaus-filter-hosts.txt, HOSTS",
    "urlhaus-filter-agh.txt, ADBLOCK",
    "threatfox-domains-adguard-w47son-2025-09-27.txt, ADBLOCK",
    "stevenblack-hosts-2024-09-27.txt, HOSTS",
    "digitalside-latestdomains-stix21.json, STIX",
    "misp-warninglist-cloudflare-radar-top100k.json, MISP_WARNINGLIST",
    "misp-warninglist-tranco-top10k.json, MISP_WARNINGLIST",
    "alexa-top-100k-2015.csv, RANK_CSV",
  })
  void detect_realFeed_findsItsFormat(String file, FeedFormat expected) throws IOException {
    assertThat(FeedReader.detect(TestData.sharedData(file))).isEqualTo(expected);
  }

  @Test
  void detect_logExportThatIsNoFeed_findsNothing() throws IOException {
    byte[] head =
        Files.readAllBytes(TestData.sharedData("sentinel-AZFWDnsQuery-sample-IngestedLogs.csv"));

    assertThat(FeedFormat.detect(head)).isNull();
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '~',
      value = {
        "# IOCs\\n\\n| Type | Value |\\n|---|---|\\n| domain | a[.]example |\\n ~ MARKDOWN",
        "let d = dynamic([\"a.example\"]);\\n ~ KQL",
        "# list\\n! more\\na.example\\nb.example\\n ~ DOMAINS",
        "[Adblock Plus 2.0]\\n! Title\\n||a.example^\\n ~ ADBLOCK",
        "$TTL 300\\n@ SOA a. b. 1 2 3 4 5\\n ~ RPZ",
        "; rpz\\nbad.example CNAME .\\n ~ RPZ",
        "\uFEFF0.0.0.0 a.example\\n ~ HOSTS",
        "rank,domain\\n1,a.example\\n ~ RANK_CSV",
      })
  void detect_inlineFixture_findsItsFormat(String text, FeedFormat expected) {
    byte[] head = text.replace("\\n", "\n").getBytes(StandardCharsets.UTF_8);

    assertThat(FeedFormat.detect(head)).isEqualTo(expected);
  }

  @Test
  void configNames_areLowerCaseAndRoundTrip() {
    assertThat(Arrays.stream(FeedFormat.values()).map(FeedFormat::configName))
        .containsExactly(
            "threatfox-csv",
            "threatfox-json",
            "hosts",
            "domains",
            "adblock",
            "rpz",
            "stix",
            "markdown",
            "kql",
            "misp-warninglist",
            "rank-csv");
    for (FeedFormat format : FeedFormat.values()) {
      assertThat(FeedFormat.fromConfigName(format.configName().toUpperCase())).isSameAs(format);
    }
  }

  @Test
  void fromConfigName_unknownName_namesTheBadValue() {
    assertThatThrownBy(() -> FeedFormat.fromConfigName("hostz"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'hostz'")
        .hasMessageContaining("threatfox-csv");
  }

  @Test
  void read_withoutFormat_detectsAndParses(@TempDir Path dir) throws IOException {
    Path file = dir.resolve("feed.txt");
    Files.writeString(file, "||a.example^\n@@||b.example^\n");

    assertThat(FeedReader.read(file, null).indicators()).hasSize(2);
  }

  @Test
  void read_undetectableContent_failsWithIoException(@TempDir Path dir) throws IOException {
    Path file = dir.resolve("feed.bin");
    Files.write(file, new byte[] {1, 2, 3, 4});

    assertThatThrownBy(() -> FeedReader.read(file, null))
        .isInstanceOf(IOException.class)
        .hasMessageContaining("feed.bin");
  }
}

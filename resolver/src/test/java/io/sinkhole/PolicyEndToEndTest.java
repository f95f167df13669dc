package io.sinkhole;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.sinkhole.testing.RunningSinkhole;
import io.sinkhole.testing.UnboundUpstream;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Type;

/**
 * Policy through the running server (issue #3): confidence thresholds, the allowlist, client rules
 * and groups, and the explanation in each event row.
 */
class PolicyEndToEndTest {
  private static final String REPORT =
      "| Type | Value | Threat Type | Malware | Confidence |\n"
          + "|---|---|---|---|---|\n"
          + "| domain | high.zone.example | botnet_cc | family_a | 90 |\n"
          + "| domain | medium.zone.example | botnet_cc | family_b | 60 |\n"
          + "| domain | low.zone.example | botnet_cc | family_c | 30 |\n"
          + "| domain | allowed.zone.example | botnet_cc | family_d | 95 |\n"
          + "| domain | cdn.zone.example | payload_delivery | family_e | 95 |\n"
          + "| domain | regex.zone.example | botnet_cc | family_f | 95 |\n";

  private static final String CONFIG =
      "feeds:\n"
          + "  - name: report\n    path: report.md\n    format: markdown\n"
          + "    block_confidence: 75\n    monitor_confidence: 50\n"
          + "allowlist:\n"
          + "  names: [\"allowed.zone.example\", \"*.cdn.zone.example\", \"/^re.ex\\\\..*$/\"]\n"
          + "clients:\n"
          + "  - cidrs: [\"127.0.0.2/32\"]\n    action: exempt\n"
          + "  - cidrs: [\"127.0.0.3\"]\n    action: monitor\n"
          + "  - cidrs: [\"127.0.0.4/31\"]\n    action: group\n    group: lenient\n"
          + "groups:\n"
          + "  lenient:\n    report: {block_confidence: 95, monitor_confidence: 10}\n";

  static UnboundUpstream unbound;
  static RunningSinkhole sinkhole;

  @BeforeAll
  static void start() throws Exception {
    List<String> data =
        List.of(
            "high.zone.example. 300 IN A 192.0.2.1",
            "medium.zone.example. 300 IN A 192.0.2.2",
            "low.zone.example. 300 IN A 192.0.2.3",
            "allowed.zone.example. 300 IN A 192.0.2.4",
            "a.cdn.zone.example. 300 IN A 192.0.2.5",
            "regex.zone.example. 300 IN A 192.0.2.6");
    unbound = UnboundUpstream.start(data);
    sinkhole = RunningSinkhole.start(unbound.hostPort(), CONFIG, "report.md", REPORT);
  }

  @AfterAll
  static void stop() {
    sinkhole.close();
    unbound.close();
  }

  private static int rcode(String client, String name) throws Exception {
    return sinkhole.probe().from(client).query(name, Type.A).getRcode();
  }

  private static JsonNode lastEvent(String client, String name) throws Exception {
    for (int i = 0; i < 100; i++) {
      List<JsonNode> rows = sinkhole.readEvents();
      for (int k = rows.size() - 1; k >= 0; k--) {
        JsonNode r = rows.get(k);
        if (r.get("Name").asText().equals(name) && r.get("ClientIP").asText().equals(client)) {
          return r;
        }
      }
      Thread.sleep(20);
    }
    throw new AssertionError("no event for " + name + " from " + client);
  }

  @Test
  void confidenceThresholds_blockHigh_monitorMedium_ignoreLow() throws Exception {
    assertThat(rcode("127.0.0.1", "high.zone.example")).isEqualTo(Rcode.NXDOMAIN);
    assertThat(rcode("127.0.0.1", "medium.zone.example")).isEqualTo(Rcode.NOERROR);
    assertThat(rcode("127.0.0.1", "low.zone.example")).isEqualTo(Rcode.NOERROR);

    assertThat(lastEvent("127.0.0.1", "high.zone.example").get("PolicyRule").asText())
        .isEqualTo("feed report: block (confidence 90 >= block_confidence 75)");
    JsonNode medium = lastEvent("127.0.0.1", "medium.zone.example");
    assertThat(medium.get("Action").asText()).isEqualTo("monitored");
    assertThat(medium.get("PolicyRule").asText())
        .isEqualTo(
            "feed report: monitor (confidence 60 < block_confidence 75, >= monitor_confidence 50)");
    JsonNode low = lastEvent("127.0.0.1", "low.zone.example");
    assertThat(low.get("Action").asText()).isEqualTo("allowed");
    assertThat(low.get("PolicyRule").asText())
        .contains("ignore (confidence 30 < monitor_confidence 50)");
  }

  @Test
  void allowlist_exactWildcardAndRegex_beatTheFeed() throws Exception {
    assertThat(rcode("127.0.0.1", "allowed.zone.example")).isEqualTo(Rcode.NOERROR);
    assertThat(rcode("127.0.0.1", "a.cdn.zone.example")).isEqualTo(Rcode.NOERROR);
    assertThat(rcode("127.0.0.1", "regex.zone.example")).isEqualTo(Rcode.NOERROR);
    // The wildcard covers names below cdn.zone.example, not the listed name itself.
    assertThat(rcode("127.0.0.1", "cdn.zone.example")).isEqualTo(Rcode.NXDOMAIN);

    assertThat(lastEvent("127.0.0.1", "a.cdn.zone.example").get("PolicyRule").asText())
        .isEqualTo("allowlist *.cdn.zone.example");
    assertThat(lastEvent("127.0.0.1", "allowed.zone.example").get("MatchedIndicator").asText())
        .isEqualTo("allowed.zone.example");
  }

  @Test
  void exemptClient_isNeverBlocked_butTheMatchIsRecorded() throws Exception {
    assertThat(rcode("127.0.0.2", "high.zone.example")).isEqualTo(Rcode.NOERROR);

    JsonNode row = lastEvent("127.0.0.2", "high.zone.example");
    assertThat(row.get("Action").asText()).isEqualTo("allowed");
    assertThat(row.get("PolicyRule").asText()).isEqualTo("client 127.0.0.2/32: exempt");
    assertThat(row.get("MalwareFamily").asText()).isEqualTo("family_a");
  }

  @Test
  void monitorOnlyClient_getsForwardedAnswers_forBlockedNames() throws Exception {
    assertThat(rcode("127.0.0.3", "high.zone.example")).isEqualTo(Rcode.NOERROR);

    JsonNode row = lastEvent("127.0.0.3", "high.zone.example");
    assertThat(row.get("Action").asText()).isEqualTo("monitored");
    assertThat(row.get("PolicyRule").asText())
        .startsWith("client 127.0.0.3 monitor-only: feed report: monitor");
  }

  @Test
  void groupClient_usesTheGroupsThresholds() throws Exception {
    // The lenient group blocks only at 95 and monitors from 10: 90 and 30 are both monitored.
    assertThat(rcode("127.0.0.5", "high.zone.example")).isEqualTo(Rcode.NOERROR);
    assertThat(rcode("127.0.0.5", "low.zone.example")).isEqualTo(Rcode.NOERROR);

    assertThat(lastEvent("127.0.0.5", "high.zone.example").get("PolicyRule").asText())
        .isEqualTo(
            "client 127.0.0.4/31 group lenient: feed report: monitor (confidence 90 < "
                + "block_confidence 95, >= monitor_confidence 10)");
    assertThat(lastEvent("127.0.0.5", "low.zone.example").get("Action").asText())
        .isEqualTo("monitored");
  }
}

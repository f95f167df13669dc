package io.sinkhole;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.sinkhole.testing.Dig;
import io.sinkhole.testing.RunningSinkhole;
import io.sinkhole.testing.UnboundUpstream;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.xbill.DNS.ARecord;
import org.xbill.DNS.MXRecord;
import org.xbill.DNS.Message;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Section;
import org.xbill.DNS.Type;

/**
 * The whole server on loopback with the bundled feeds, forwarding to a real Unbound, queried by
 * dig, kdig and an in-process client (issue #2).
 */
class SinkholeEndToEndTest {
  static UnboundUpstream unbound;
  static RunningSinkhole sinkhole;

  @BeforeAll
  static void start() throws Exception {
    unbound = UnboundUpstream.start();
    Path iocs = Path.of(System.getProperty("sinkhole.repo"), "config", "iocs").toAbsolutePath();
    sinkhole =
        RunningSinkhole.start(
            unbound.hostPort(),
            "feeds:\n"
                + "  - name: threatfox-4h_rat\n"
                + "    path: \""
                + iocs.resolve("threatfox-4h_rat-report.md")
                + "\"\n"
                + "  - name: threatfox-recent\n"
                + "    path: \""
                + iocs.resolve("threatfox-recent-export-2026-04-12.csv")
                + "\"\n");
  }

  @AfterAll
  static void stop() {
    if (sinkhole != null) {
      sinkhole.close();
    }
    if (unbound != null) {
      unbound.close();
    }
  }

  @Test
  void blockedName_upperCase_digGetsNxdomainWithSoa() throws Exception {
    Dig.Result r = Dig.dig(sinkhole.dns(), "API.R0CSGO.COM", "A");

    assertThat(r.status()).isEqualTo("NXDOMAIN");
    assertThat(r.output()).contains("API.R0CSGO.COM.").contains("SOA");
  }

  @Test
  void blockedParent_subdomainWithTrailingDot_isBlocked() throws Exception {
    Message m = sinkhole.probe().query("telemetry.ac-socket.r0csgo.com.", Type.A);

    assertThat(m.getRcode()).isEqualTo(Rcode.NXDOMAIN);
    assertThat(m.getSection(Section.AUTHORITY))
        .singleElement()
        .satisfies(soa -> assertThat(soa.getName().toString()).isEqualTo("ac-socket.r0csgo.com."));
  }

  @Test
  void blockedName_httpsOverTcpAndAaaaWithKdig_areBlocked() throws Exception {
    assertThat(Dig.dig(sinkhole.dns(), "+tcp", "Local-Api-Direct.r0csgo.com", "HTTPS").status())
        .isEqualTo("NXDOMAIN");
    assertThat(Dig.kdig(sinkhole.dns(), "ac-api-v3.r0csgo.com", "AAAA").status())
        .isEqualTo("NXDOMAIN");
  }

  @Test
  void allowedName_resolvesThroughUnbound_withDigKdigAndInProcessClient() throws Exception {
    Dig.Result dig = Dig.dig(sinkhole.dns(), "www." + UnboundUpstream.ZONE, "A");
    Dig.Result kdig = Dig.kdig(sinkhole.dns(), "+tcp", "www." + UnboundUpstream.ZONE, "AAAA");
    Message mx = sinkhole.probe().query("mail." + UnboundUpstream.ZONE, Type.MX);

    assertThat(dig.status()).isEqualTo("NOERROR");
    assertThat(dig.answerLines()).anySatisfy(l -> assertThat(l).contains("192.0.2.10"));
    assertThat(kdig.output()).contains("2001:db8::10");
    assertThat(mx.getSection(Section.ANSWER))
        .singleElement()
        .isInstanceOfSatisfying(
            MXRecord.class, r -> assertThat(r.getTarget().toString()).startsWith("mx."));
  }

  @Test
  void threatFoxCsvDomain_isBlocked() throws Exception {
    // A domain from the real ThreatFox CSV export bundled in config/iocs.
    Message m = sinkhole.probe().query("call4-back.veq4tralis.in.net", Type.A);

    assertThat(m.getRcode()).isEqualTo(Rcode.NXDOMAIN);
  }

  @Test
  void everyQuery_writesOneDnsEventsRow_withIndicatorColumns() throws Exception {
    sinkhole.probe().query("events-check.api.r0csgo.com", Type.TXT);
    Message ok = sinkhole.probe().query("www." + UnboundUpstream.ZONE, Type.A);
    assertThat(ok.getSection(Section.ANSWER)).hasOnlyElementsOfType(ARecord.class);

    List<JsonNode> rows = sinkhole.awaitEvents(2);
    JsonNode blocked = row(rows, "events-check.api.r0csgo.com");
    JsonNode allowed = row(rows, "www." + UnboundUpstream.ZONE, "A");

    assertThat(blocked.get("IndicatorThreatType").asText()).isEqualTo("botnet_cc");
    assertThat(blocked.get("Confidence").asText()).isEqualTo("75");
    assertThat(blocked.get("MalwareFamily").asText()).isEqualTo("4h_rat");
    assertThat(blocked.get("QueryType").asText()).isEqualTo("TXT");
    assertThat(blocked.get("ResultCode").asInt()).isEqualTo(3);
    assertThat(blocked.get("Action").asText()).isEqualTo("blocked");
    assertThat(blocked.get("SubType").asText()).isEqualTo("LookupQuery");
    assertThat(allowed.get("IPAddresses").asText()).isEqualTo("192.0.2.10");
    assertThat(allowed.get("Action").asText()).isEqualTo("allowed");
    assertThat(allowed.get("Upstream").asText()).isEqualTo(unbound.hostPort());
    assertThat(allowed.get("ClientIP").asText()).isEqualTo("127.0.0.1");
  }

  private static JsonNode row(List<JsonNode> rows, String name) {
    return row(rows, name, null);
  }

  /** The last row for {@code name} (and {@code qtype} unless null): other tests query it too. */
  private static JsonNode row(List<JsonNode> rows, String name, String qtype) {
    return rows.stream()
        .filter(r -> r.get("Name").asText().equals(name))
        .filter(r -> qtype == null || r.get("QueryType").asText().equals(qtype))
        .reduce((a, b) -> b)
        .orElseThrow(() -> new AssertionError("no event for " + name + " in " + rows));
  }

  @Test
  void metrics_countBlockedAndForwardedQueries() throws Exception {
    double before =
        sinkhole.metric(
            "sinkhole_queries_total{outcome=\"blocked\",protocol=\"udp\",qtype=\"MX\"}");
    sinkhole.probe().query("metrics.api.r0csgo.com", Type.MX);

    double after =
        sinkhole.metric(
            "sinkhole_queries_total{outcome=\"blocked\",protocol=\"udp\",qtype=\"MX\"}");
    assertThat(after - before).isEqualTo(1.0);
    assertThat(sinkhole.http("/metrics")).contains("jvm_memory_used_bytes");
  }
}

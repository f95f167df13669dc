package io.sinkhole.event;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.sinkhole.ioc.Directive;
import io.sinkhole.ioc.DomainMatch;
import io.sinkhole.ioc.MatchScope;
import io.sinkhole.ioc.Provenance;
import io.sinkhole.ioc.ThreatInfo;
import io.sinkhole.policy.Verdict;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class DnsEventsSchemaTest {
  private static final DnsEventsSchema SCHEMA = new DnsEventsSchema("edge-01");

  private static String format(DnsEvent e) throws Exception {
    return new String(new Rows(SCHEMA).bytes(e), StandardCharsets.UTF_8);
  }

  private static DnsEvent event(String name, Verdict v, DnsEvent.Action action, int rcode)
      throws Exception {
    return new DnsEvent(
        Instant.parse("2026-12-03T10:15:30.120Z").toEpochMilli(),
        new InetSocketAddress(InetAddress.getByName("192.0.2.7"), 40000),
        "udp",
        4242,
        name,
        1,
        rcode,
        action,
        v,
        null,
        1_500_000,
        null);
  }

  @Test
  void blockedQuery_fillsDnsEventsColumns_andOwnColumns() throws Exception {
    ThreatInfo t =
        new ThreatInfo(
            "botnet_cc",
            "4h_rat",
            75,
            Instant.parse("2026-06-22T00:00:00Z"),
            null,
            null,
            "https://threatfox.abuse.ch/",
            List.of());
    Provenance p =
        new Provenance(
            0, "threatfox", t, MatchScope.NAME_AND_SUBDOMAINS, Directive.DEFAULT, List.of());
    DomainMatch m = new DomainMatch("api.r0csgo.com", 1, 1, List.of(p));
    Verdict v =
        new Verdict(Verdict.Outcome.BLOCK, m, p, "x.api.r0csgo.com", null, "feed threatfox: block");

    JsonNode row =
        new ObjectMapper()
            .readTree(format(event("x.api.r0csgo.com", v, DnsEvent.Action.BLOCKED, 3)));

    assertThat(row.get("TimeGenerated").asText()).isEqualTo("2026-12-03T10:15:30.120Z");
    assertThat(row.get("Computer").asText()).isEqualTo("edge-01");
    assertThat(row.get("EventId").asInt()).isEqualTo(258);
    assertThat(row.get("ClientIP").asText()).isEqualTo("192.0.2.7");
    assertThat(row.get("QueryType").asText()).isEqualTo("A");
    assertThat(row.get("ResultCode").isInt()).isTrue();
    assertThat(row.get("Confidence").isTextual()).isTrue();
    assertThat(row.get("Confidence").asText()).isEqualTo("75");
    assertThat(row.get("Severity").asInt()).isEqualTo(3);
    assertThat(row.get("IndicatorThreatType").asText()).isEqualTo("botnet_cc");
    assertThat(row.get("MatchedIndicator").asText()).isEqualTo("api.r0csgo.com");
    assertThat(row.get("MalwareFamily").asText()).isEqualTo("4h_rat");
    assertThat(row.get("IndicatorFirstSeen").asText()).isEqualTo("2026-06-22T00:00:00.000Z");
    assertThat(row.get("ResponseTimeMs").asDouble()).isEqualTo(1.5);
    assertThat(row.get("Description").asText())
        .isEqualTo(
            "Blocked x.api.r0csgo.com listed as api.r0csgo.com (botnet_cc, 4h_rat)"
                + " by feed threatfox");
  }

  @Test
  void descriptionWithAHugeThreatType_isCutWithinTheFieldLimit() throws Exception {
    ThreatInfo t = new ThreatInfo("é".repeat(40_000), null, 75, null, null, null, null, List.of());
    Provenance p =
        new Provenance(0, "feed", t, MatchScope.NAME_AND_SUBDOMAINS, Directive.DEFAULT, List.of());
    DomainMatch m = new DomainMatch("bad.example", 0, 0, List.of(p));
    Verdict v = new Verdict(Verdict.Outcome.BLOCK, m, p, "bad.example", null, "feed: block");

    String description =
        new ObjectMapper()
            .readTree(format(event("bad.example", v, DnsEvent.Action.BLOCKED, 3)))
            .get("Description")
            .asText();

    assertThat(description).startsWith("Blocked bad.example listed as bad.example (éé");
    assertThat(description).endsWith(Fields.TRUNCATED);
    assertThat(description.getBytes(StandardCharsets.UTF_8).length)
        .isLessThanOrEqualTo(Fields.MAX_FIELD_BYTES);
  }

  @Test
  void nameWithQuotesBackslashesAndControls_staysOneValidJsonLine() throws Exception {
    String hostile = "a\"b\\c\u0001\n\u007f.example";

    String json = format(event(hostile, Verdict.ALLOW, DnsEvent.Action.ALLOWED, 0));

    assertThat(json).doesNotContain("\n");
    assertThat(new ObjectMapper().readTree(json).get("Name").asText()).isEqualTo(hostile);
  }

  /**
   * One schema keeps the second's text, the client's text and the rule's text for the next row: a
   * sequence of rows whose time, client and rule change and repeat must read exactly as rows
   * written by a fresh schema each.
   */
  @Test
  void rowsOfOneSchema_matchRowsOfFreshSchemas_asTimeClientAndRuleChange() throws Exception {
    Provenance[] claims = new Provenance[3];
    for (int i = 0; i < claims.length; i++) {
      ThreatInfo t =
          i == 0
              ? ThreatInfo.NONE
              : new ThreatInfo(
                  i == 1 ? "botnet_cc" : "payload_delivery",
                  i == 1 ? "4h_rat" : "emotet",
                  40 + 30 * i,
                  Instant.parse("2026-06-2" + i + "T00:00:00Z"),
                  null,
                  null,
                  "https://threatfox.abuse.ch/ioc/" + i,
                  List.of());
      claims[i] =
          new Provenance(
              i, "feed" + i, t, MatchScope.NAME_AND_SUBDOMAINS, Directive.DEFAULT, List.of());
    }
    // Equal by value, different objects; and two rules that differ only in the number.
    record Rule(String feed, int confidence) implements io.sinkhole.policy.RuleText {
      @Override
      public String text() {
        return "feed " + feed + ": block (confidence " + confidence + ")";
      }
    }
    io.sinkhole.policy.RuleText[] rules = {
      new Rule("f", 75), new Rule("f", 75), new Rule("f", 50), io.sinkhole.policy.RuleText.of("x")
    };
    String[] clients = {"192.0.2.7", "192.0.2.7", "192.0.2.8", "2001:db8::1", "192.0.2.7"};
    long[] times = {
      Instant.parse("2026-12-03T10:15:30.120Z").toEpochMilli(),
      Instant.parse("2026-12-03T10:15:30.999Z").toEpochMilli(),
      Instant.parse("2026-12-03T10:15:31.000Z").toEpochMilli(),
      Instant.parse("2026-12-03T10:15:30.005Z").toEpochMilli(),
      Instant.parse("1969-12-31T23:59:59.250Z").toEpochMilli()
    };
    Rows kept = new Rows(new DnsEventsSchema("edge-01"), true);
    ObjectMapper json = new ObjectMapper();
    for (int i = 0; i < 20; i++) {
      Provenance p = claims[i % claims.length];
      DomainMatch m = new DomainMatch("bad.example", 0, 0, List.of(p));
      Verdict v =
          new Verdict(Verdict.Outcome.BLOCK, m, p, "bad.example", null, rules[i % rules.length]);
      DnsEvent e =
          new DnsEvent(
              times[i % times.length],
              new InetSocketAddress(InetAddress.getByName(clients[i % clients.length]), 5300 + i),
              "udp",
              i,
              "bad.example",
              1,
              3,
              DnsEvent.Action.BLOCKED,
              v,
              null,
              1_000,
              null);

      JsonNode row = json.readTree(kept.bytes(e));
      JsonNode fresh = json.readTree(new Rows(new DnsEventsSchema("edge-01"), true).bytes(e));

      assertThat(row).isEqualTo(fresh);
      assertThat(row.get("TimeGenerated").asText())
          .isEqualTo(DnsEventsSchema.formatTime(times[i % times.length]));
      assertThat(row.get("PolicyRule").asText()).isEqualTo(rules[i % rules.length].text());
    }
  }

  @Test
  void ipv4MappedAndIpv6Clients_areWrittenInRfc5952Form() throws Exception {
    byte[] mapped = new byte[16];
    mapped[10] = (byte) 0xff;
    mapped[11] = (byte) 0xff;
    mapped[12] = (byte) 192;
    mapped[15] = 7;

    assertThat(DnsEventsSchema.clientIp(java.net.Inet6Address.getByAddress(null, mapped, null)))
        .isEqualTo("192.0.0.7");
    assertThat(DnsEventsSchema.clientIp(InetAddress.getByName("2001:DB8:0:0:0:0:0:1")))
        .isEqualTo("2001:db8::1");
  }
}

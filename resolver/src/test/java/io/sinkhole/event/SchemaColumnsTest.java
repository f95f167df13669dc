package io.sinkhole.event;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.sinkhole.ioc.DomainMatch;
import io.sinkhole.ioc.MatchScope;
import io.sinkhole.ioc.Provenance;
import io.sinkhole.ioc.ThreatInfo;
import io.sinkhole.policy.Verdict;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Rows of both schemas against the stream declarations of {@code
 * dashboards/sentinel/sinkhole-dcr.json}: every column written is declared, with a JSON value of
 * the declared type, and the ASIM mandatory fields are always present.
 */
class SchemaColumnsTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  static Map<String, String> streamColumns(String stream) throws IOException {
    Path dcr =
        Path.of(System.getProperty("sinkhole.repo", ".."), "dashboards/sentinel/sinkhole-dcr.json");
    for (JsonNode r : JSON.readTree(dcr.toFile()).path("resources")) {
      JsonNode cols = r.at("/properties/streamDeclarations/" + stream + "/columns");
      if (!cols.isMissingNode()) {
        Map<String, String> out = new LinkedHashMap<>();
        cols.forEach(c -> out.put(c.path("name").asText(), c.path("type").asText()));
        return out;
      }
    }
    throw new AssertionError("no stream " + stream);
  }

  static DnsEvent blocked() {
    ThreatInfo t =
        new ThreatInfo(
            "botnet_cc",
            "4h_rat",
            80,
            Instant.parse("2024-05-01T00:00:00Z"),
            null,
            null,
            "https://threatfox.example/ioc/1",
            List.of());
    Provenance p = new Provenance(0, "threatfox", t, MatchScope.EXACT, null, List.of());
    Verdict v =
        new Verdict(
            Verdict.Outcome.BLOCK,
            new DomainMatch("bad.example", 1, 1, List.of(p)),
            p,
            "c2.bad.example",
            null,
            "feed threatfox: block");
    byte[] header = {0, 1, (byte) 0x81, (byte) 0x83};
    return new DnsEvent(
        1_700_000_000_000L,
        new InetSocketAddress("192.0.2.7", 5300),
        "udp",
        0x1a2b,
        "c2.bad.example",
        1,
        3,
        DnsEvent.Action.BLOCKED,
        v,
        header,
        2_000_000,
        null);
  }

  static DnsEvent allowed() {
    return new DnsEvent(
        1_700_000_000_000L,
        new InetSocketAddress("2001:db8::7", 5300),
        "tcp",
        7,
        "www.zone.example",
        28,
        0,
        DnsEvent.Action.ALLOWED,
        Verdict.ALLOW,
        null,
        500_000,
        "192.0.2.53:53");
  }

  static JsonNode row(EventSchema schema, DnsEvent e) throws IOException {
    return JSON.readTree(new Rows(schema).bytes(e));
  }

  @Test
  void dnsEventsRows_matchTheCustomStreamColumnsAndTypes() throws IOException {
    Map<String, String> columns = streamColumns("Custom-SinkholeDnsEvents");
    for (DnsEvent e : List.of(blocked(), allowed())) {
      JsonNode row = row(new DnsEventsSchema("edge-01"), e);
      assertThat(fieldNames(row)).containsExactlyElementsOf(columns.keySet());
      assertTypes(row, columns);
    }
  }

  @Test
  void asimRows_useOnlyDeclaredColumns_withTheirTypes_andTheMandatoryFields() throws IOException {
    Map<String, String> columns = streamColumns("Custom-ASimDnsActivityLogs");
    for (DnsEvent e : List.of(blocked(), allowed())) {
      JsonNode row = row(new AsimDnsSchema("edge-01", ClientAddressFormat.KEEP), e);
      assertThat(columns.keySet()).containsAll(fieldNames(row));
      assertTypes(row, columns);
      assertThat(fieldNames(row))
          .contains(
              "EventCount",
              "EventStartTime",
              "EventEndTime",
              "EventType",
              "EventResult",
              "EventResultDetails",
              "EventProduct",
              "EventVendor",
              "EventSchemaVersion",
              "Dvc",
              "DnsQuery");
    }
  }

  @Test
  void rowsWithoutEmptyColumns_differOnlyByTheEmptyOnes() throws IOException {
    for (EventSchema schema :
        List.of(
            new DnsEventsSchema("edge-01"),
            new AsimDnsSchema("edge-01", ClientAddressFormat.KEEP))) {
      for (DnsEvent e : List.of(blocked(), allowed())) {
        JsonNode full = row(schema, e);
        JsonNode lean = JSON.readTree(new Rows(schema, true).bytes(e));
        List<String> expected = new java.util.ArrayList<>();
        full.properties()
            .forEach(
                f -> {
                  if (!(f.getValue().isTextual() && f.getValue().asText().isEmpty())) {
                    expected.add(f.getKey());
                  }
                });
        assertThat(fieldNames(lean)).isSubsetOf(fieldNames(full));
        for (String k : fieldNames(full)) {
          if (lean.has(k)) {
            if (!lean.get(k).isObject()) {
              assertThat(lean.get(k)).as(k).isEqualTo(full.get(k));
            }
          } else {
            assertThat(full.get(k).asText()).as(k).isEmpty();
          }
        }
        assertThat(fieldNames(lean)).as("fewer columns").hasSizeLessThan(fieldNames(full).size());
      }
    }
  }

  @Test
  void asimRowsWithoutEmptyColumns_keepTheMandatoryFields() throws IOException {
    DnsEvent e = allowed();
    JsonNode lean =
        JSON.readTree(
            new Rows(new AsimDnsSchema("edge-01", ClientAddressFormat.KEEP), true).bytes(e));

    assertThat(fieldNames(lean))
        .contains(
            "EventCount",
            "EventStartTime",
            "EventEndTime",
            "EventType",
            "EventResult",
            "EventResultDetails",
            "EventProduct",
            "EventVendor",
            "EventSchemaVersion",
            "Dvc",
            "DnsQuery");
  }

  @Test
  void asimBlockedRow_carriesRcodeNameAndThreatFields() throws IOException {
    JsonNode row = row(new AsimDnsSchema("edge-01", ClientAddressFormat.KEEP), blocked());

    assertThat(row.path("EventResultDetails").asText()).isEqualTo("NXDOMAIN");
    assertThat(row.path("DnsQuery").asText()).isEqualTo("c2.bad.example");
    assertThat(row.path("DvcAction").asText()).isEqualTo("Deny");
    assertThat(row.path("TransactionIdHex").asText()).isEqualTo("1a2b");
    assertThat(row.path("ThreatName").asText()).isEqualTo("4h_rat");
    assertThat(row.path("ThreatConfidence").asText()).isEqualTo("80");
    assertThat(row.path("ThreatFirstReportedTime").asText()).isEqualTo("2024-05-01T00:00:00.000Z");
    assertThat(row.path("DnsFlagsRecursionDesired").asBoolean()).isTrue();
    assertThat(row.path("DnsFlagsRecursionAvailable").asBoolean()).isTrue();
  }

  private static List<String> fieldNames(JsonNode row) {
    List<String> names = new java.util.ArrayList<>();
    row.properties().forEach(f -> names.add(f.getKey()));
    return names;
  }

  private static void assertTypes(JsonNode row, Map<String, String> columns) {
    row.properties()
        .forEach(
            f -> {
              String type = columns.get(f.getKey());
              JsonNode v = f.getValue();
              boolean ok =
                  switch (type) {
                    case "string" -> v.isTextual();
                    case "int", "long" -> v.isIntegralNumber();
                    case "real" -> v.isNumber();
                    case "boolean" -> v.isBoolean();
                    case "dynamic" -> v.isObject() || v.isArray();
                    case "datetime" -> v.isTextual() && isTimeOrEmpty(v.asText());
                    default -> false;
                  };
              assertThat(ok).as(f.getKey() + " as " + type + ": " + v).isTrue();
            });
  }

  private static boolean isTimeOrEmpty(String s) {
    if (s.isEmpty()) {
      return true;
    }
    OffsetDateTime.parse(s);
    return true;
  }
}

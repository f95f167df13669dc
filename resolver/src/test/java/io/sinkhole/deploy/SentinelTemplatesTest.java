package io.sinkhole.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The Sentinel artifacts against the event contract (the DnsEvents-shaped columns). */
class SentinelTemplatesTest {
  private static final Path SENTINEL = Repo.path("dashboards/sentinel");

  /** Column -> type of the event contract, in the types a DCR stream declaration uses. */
  private static final Map<String, String> EVENT_COLUMNS = eventColumns();

  private static Map<String, String> eventColumns() {
    Map<String, String> c = new LinkedHashMap<>();
    c.put("TimeGenerated", "datetime");
    c.put("Computer", "string");
    c.put("EventId", "int");
    c.put("SubType", "string");
    c.put("ClientIP", "string");
    c.put("Name", "string");
    c.put("QueryType", "string");
    c.put("IPAddresses", "string");
    c.put("ResultCode", "int");
    c.put("Result", "string");
    c.put("MaliciousIP", "string");
    c.put("IndicatorThreatType", "string");
    c.put("Confidence", "string");
    c.put("Severity", "int");
    c.put("Description", "string");
    c.put("Action", "string");
    c.put("MatchedIndicator", "string");
    c.put("MatchedName", "string");
    c.put("IndicatorFeed", "string");
    c.put("MalwareFamily", "string");
    c.put("IndicatorReference", "string");
    c.put("IndicatorFirstSeen", "datetime");
    c.put("PolicyRule", "string");
    c.put("Protocol", "string");
    c.put("ClientPort", "int");
    c.put("TransactionId", "int");
    c.put("ResponseTimeMs", "real");
    c.put("Upstream", "string");
    return c;
  }

  private static JsonNode template(String name) throws IOException {
    return new ObjectMapper().readTree(SENTINEL.resolve(name).toFile());
  }

  private static JsonNode resource(JsonNode template, String type) {
    for (JsonNode r : template.path("resources")) {
      if (r.path("type").asText().equals(type)) {
        return r;
      }
    }
    throw new AssertionError("no resource of type " + type);
  }

  private static Map<String, String> columns(JsonNode list) {
    Map<String, String> out = new LinkedHashMap<>();
    list.forEach(c -> out.put(c.path("name").asText(), c.path("type").asText()));
    return out;
  }

  @Test
  void customTable_hasEveryEventColumnWithItsType() throws IOException {
    JsonNode table =
        resource(template("sinkhole-dcr.json"), "Microsoft.OperationalInsights/workspaces/tables");

    Map<String, String> expected = new LinkedHashMap<>();
    EVENT_COLUMNS.forEach((k, v) -> expected.put(k, v.equals("datetime") ? "dateTime" : v));
    assertThat(table.at("/properties/schema/name").asText()).isEqualTo("SinkholeDnsEvents_CL");
    assertThat(columns(table.at("/properties/schema/columns"))).isEqualTo(expected);
  }

  @Test
  void dataCollectionRule_declaresTheStreamAndRoutesBothTables() throws IOException {
    JsonNode dcr =
        resource(template("sinkhole-dcr.json"), "Microsoft.Insights/dataCollectionRules");
    JsonNode streams = dcr.at("/properties/streamDeclarations");

    assertThat(columns(streams.at("/Custom-SinkholeDnsEvents/columns"))).isEqualTo(EVENT_COLUMNS);
    assertThat(columns(streams.at("/Custom-ASimDnsActivityLogs/columns")))
        .containsEntry("DnsQuery", "string")
        .containsEntry("SrcIpAddr", "string")
        .containsEntry("DnsResponseCode", "int");
    assertThat(dcr.at("/properties/dataFlows").findValuesAsText("outputStream"))
        .containsExactlyInAnyOrder("Custom-SinkholeDnsEvents_CL", "Microsoft-ASimDnsActivityLogs");
    assertThat(dcr.at("/properties/dataFlows").findValues("transformKql")).hasSize(2);
  }

  @Test
  void roleAssignment_grantsMonitoringMetricsPublisher() throws IOException {
    JsonNode assignment =
        resource(template("sinkhole-dcr.json"), "Microsoft.Authorization/roleAssignments");

    assertThat(template("sinkhole-dcr.json").at("/variables/monitoringMetricsPublisher").asText())
        .isEqualTo("3913510d-42f4-4e42-8a2e-5a839b1f4bb4");
    assertThat(assignment.at("/properties/roleDefinitionId").asText())
        .contains("monitoringMetricsPublisher");
    assertThat(assignment.at("/properties/principalId").asText()).contains("principalObjectId");
  }

  @Test
  void template_outputsWhatSinkholeNeedsToSend() throws IOException {
    assertThat(template("sinkhole-dcr.json").path("outputs").has("logsIngestionEndpoint")).isTrue();
    assertThat(template("sinkhole-dcr.json").path("outputs").has("dataCollectionRuleImmutableId"))
        .isTrue();
  }

  @Test
  void analyticsRule_mapsClientAndName_andReadsOnlyTableColumns() throws IOException {
    JsonNode rule = template("analytics-rule-indicator-resolved.json").path("resources").get(0);

    assertThat(rule.path("kind").asText()).isEqualTo("Scheduled");
    assertThat(rule.at("/properties/entityMappings").toString())
        .contains("\"entityType\":\"IP\"", "\"columnName\":\"ClientIP\"")
        .contains("\"entityType\":\"DNS\"", "\"columnName\":\"Name\"");
    assertThat(rule.at("/properties/query").asText())
        .contains("SinkholeDnsEvents_CL", "MatchedIndicator", "\"blocked\"", "\"monitored\"");
    assertThat(rule.at("/properties/incidentConfiguration/createIncident").asBoolean()).isTrue();
  }

  @Test
  void kqlFiles_queryTheSinkholeTable() throws IOException {
    for (String name :
        new String[] {
          "hunting-threatfox-domains.kql",
          "blocks-by-malware-family.kql",
          "client-hit-counts.kql",
          "indicator-first-seen.kql"
        }) {
      assertThat(Files.readString(SENTINEL.resolve(name)))
          .as(name)
          .contains("SinkholeDnsEvents_CL");
    }
    assertThat(Files.readString(SENTINEL.resolve("hunting-threatfox-domains.kql")))
        .contains("_Im_Dns(", "ASimDnsActivityLogs", "has_any (malicious_domains)");
  }
}

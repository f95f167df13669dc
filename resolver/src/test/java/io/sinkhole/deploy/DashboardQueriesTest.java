package io.sinkhole.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DashboardQueriesTest {
  @TempDir Path tmp;

  @Test
  void overviewDashboard_isFoundWithItsQueries() {
    assertThat(DashboardQueries.dashboards())
        .extracting(p -> p.getFileName().toString())
        .contains("sinkhole-overview.json");
    assertThat(DashboardQueries.all()).hasSizeGreaterThan(20);
  }

  @Test
  void everyQuery_parsesWithPromtool() throws IOException {
    List<DashboardQueries.Query> queries = DashboardQueries.all();

    ExternalTool.Result result =
        checkAsRecordingRules(queries.stream().map(q -> q.forPrometheus()));

    assertThat(result.exitCode())
        .as(
            "promtool check rules on dashboard queries:%n%s%nqueries:%n%s",
            result.output(), queries)
        .isZero();
  }

  @Test
  void promtool_rejectsABrokenQuery() throws IOException {
    ExternalTool.Result result =
        checkAsRecordingRules(
            List.of("sum by (outcome (rate(sinkhole_queries_total[5m]))").stream());

    assertThat(result.exitCode()).as(result.output()).isNotZero();
  }

  @Test
  void everyQuery_readsOnlyContractMetrics() {
    for (DashboardQueries.Query query : DashboardQueries.all()) {
      assertThat(PromQl.metricNames(query.expr()))
          .as("metrics read by %s", query)
          .isNotEmpty()
          .allSatisfy(name -> assertThat(ContractMetrics.contains(name)).as(name).isTrue());
    }
  }

  @Test
  void everyPanelAndTarget_usesTheDatasourceVariable() throws IOException {
    for (Path dashboard : DashboardQueries.dashboards()) {
      JsonNode root = new ObjectMapper().readTree(dashboard.toFile());
      for (JsonNode panel : root.path("panels")) {
        if (panel.path("type").asText().equals("row")) {
          continue;
        }
        assertThat(panel.path("datasource").path("uid").asText())
            .as("%s panel %s", dashboard.getFileName(), panel.path("title"))
            .isEqualTo("${DS_PROMETHEUS}");
        assertThat(panel.path("targets")).as("targets of %s", panel.path("title")).isNotEmpty();
      }
    }
  }

  @Test
  void extraction_includesPanelsInsideCollapsedRows() throws IOException {
    Path dashboard = tmp.resolve("nested.json");
    Files.writeString(
        dashboard,
        """
        {"panels": [
          {"type": "row", "title": "Hidden", "collapsed": true, "panels": [
            {"type": "timeseries", "title": "Inner",
             "targets": [{"refId": "A", "expr": "rate(x_total[$__rate_interval])"}]}]},
          {"type": "text", "title": "No query"}]}
        """);

    List<DashboardQueries.Query> queries = DashboardQueries.in(dashboard);

    assertThat(queries).singleElement().satisfies(q -> assertThat(q.panel()).isEqualTo("Inner"));
    assertThat(queries.get(0).forPrometheus()).isEqualTo("rate(x_total[1m])");
  }

  @Test
  void forPrometheus_replacesDashboardVariablesWithMatchAll() {
    var query =
        new DashboardQueries.Query(
            Path.of("d.json"), "p", "A", "up{instance=~\"$instance\", job=~\"${job}\"}");

    assertThat(query.forPrometheus()).isEqualTo("up{instance=~\".*\", job=~\".*\"}");
  }

  @Test
  void metricNames_skipsFunctionsKeywordsLabelsAndStrings() {
    String expr =
        "histogram_quantile(0.9, sum by (le) (rate(a_seconds_bucket{x=\"rate(b)\"}[5m])))"
            + " / on (job) group_left max(c_total offset 5m) > bool 0 and time() - d";

    assertThat(PromQl.metricNames(expr)).containsExactly("a_seconds_bucket", "c_total", "d");
  }

  @Test
  void contractMetrics_rejectsNamesOutsideTheContract() {
    assertThat(ContractMetrics.contains("sinkhole_query_duration_seconds_bucket")).isTrue();
    assertThat(ContractMetrics.contains("sinkhole_queries_total")).isTrue();
    assertThat(ContractMetrics.contains("sinkhole_query_total")).isFalse();
    assertThat(ContractMetrics.contains("sinkhole_blocks_total_bucket")).isFalse();
  }

  /** promtool has no "parse this expression" command; a recording rule per query does it. */
  private ExternalTool.Result checkAsRecordingRules(java.util.stream.Stream<String> exprs)
      throws IOException {
    List<Map<String, String>> rules = new ArrayList<>();
    exprs.forEach(
        expr -> {
          Map<String, String> rule = new LinkedHashMap<>();
          rule.put("record", "dashboard:query_" + (rules.size() + 1));
          rule.put("expr", expr);
          rules.add(rule);
        });
    Path file = tmp.resolve("dashboard-queries.rules.yml");
    new YAMLMapper()
        .writeValue(
            file.toFile(), Map.of("groups", List.of(Map.of("name", "dashboard", "rules", rules))));

    return ExternalTool.PROMTOOL.run(
        tmp, Duration.ofSeconds(60), "check", "rules", file.toString());
  }
}

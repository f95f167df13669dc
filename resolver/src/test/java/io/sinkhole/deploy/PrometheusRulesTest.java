package io.sinkhole.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PrometheusRulesTest {
  private static final Path RULES_DIR = Repo.path("dashboards/prometheus");
  private static final Duration TIMEOUT = Duration.ofSeconds(120);

  @Test
  void alertRules_passPromtoolCheck() {
    ExternalTool.Result result =
        ExternalTool.PROMTOOL.run(RULES_DIR, TIMEOUT, "check", "rules", "sinkhole-alerts.yml");

    assertThat(result.exitCode()).as(result.output()).isZero();
    assertThat(result.output()).contains("SUCCESS").doesNotContain("WARNING");
  }

  @Test
  void alertRules_passTheirUnitTests() {
    ExternalTool.Result result =
        ExternalTool.PROMTOOL.run(RULES_DIR, TIMEOUT, "test", "rules", "sinkhole-alerts.test.yml");

    assertThat(result.exitCode()).as(result.output()).isZero();
    assertThat(result.output()).contains("SUCCESS");
  }

  @Test
  void everyAlert_isExercisedByTheUnitTests() throws IOException {
    YAMLMapper yaml = new YAMLMapper();
    Set<String> defined = new HashSet<>();
    for (JsonNode group :
        yaml.readTree(RULES_DIR.resolve("sinkhole-alerts.yml").toFile()).path("groups")) {
      group.path("rules").forEach(rule -> defined.add(rule.path("alert").asText()));
    }
    Set<String> firing = new HashSet<>();
    for (JsonNode test :
        yaml.readTree(RULES_DIR.resolve("sinkhole-alerts.test.yml").toFile()).path("tests")) {
      for (JsonNode check : test.path("alert_rule_test")) {
        if (!check.path("exp_alerts").isEmpty()) {
          firing.add(check.path("alertname").asText());
        }
      }
    }

    assertThat(firing).as("alerts with a test that makes them fire").isEqualTo(defined);
  }

  @Test
  void alertRules_readOnlyContractMetrics() throws IOException {
    JsonNode groups =
        new YAMLMapper().readTree(RULES_DIR.resolve("sinkhole-alerts.yml").toFile()).path("groups");
    for (JsonNode group : groups) {
      for (JsonNode rule : group.path("rules")) {
        assertThat(PromQl.metricNames(rule.path("expr").asText()))
            .as("metrics read by alert %s", rule.path("alert").asText())
            .allSatisfy(name -> assertThat(ContractMetrics.contains(name)).as(name).isTrue());
      }
    }
  }

  @Test
  void composePrometheusConfig_passesPromtoolCheck() {
    ExternalTool.Result result =
        ExternalTool.PROMTOOL.run(
            Repo.path("docker/prometheus"), TIMEOUT, "check", "config", "prometheus.yml");

    assertThat(result.exitCode()).as(result.output()).isZero();
  }
}

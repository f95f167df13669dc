package io.sinkhole.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.sinkhole.testing.FakeIngestion;
import io.sinkhole.testing.MixedLoad;
import io.sinkhole.testing.RunningSinkhole;
import io.sinkhole.testing.UnboundUpstream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Every panel of every Grafana dashboard, evaluated by a real Prometheus that scraped a live
 * Sinkhole under a short load of blocked, forwarded and malformed queries (issue #7). A panel that
 * is invalid or returns nothing would be a blank graph in production.
 */
class DashboardOnPrometheusTest {
  private static final int ROUNDS = 3;

  static UnboundUpstream unbound;
  static FakeIngestion sentinel;
  static RunningSinkhole sinkhole;
  static LocalPrometheus prometheus;

  /**
   * A file sink and a Logs Ingestion sink (against a local fake endpoint), so that the delivery and
   * spool panels have a spooling sink to show.
   */
  private static String sinksYaml() throws Exception {
    Path secret = Files.createTempFile("sentinel-secret", ".txt");
    Files.writeString(secret, "test-secret");
    System.setProperty("sinkhole.test.allowTokenUrl", "true");
    return "events:\n  file: \""
        + RunningSinkhole.EVENTS
        + "\"\n  computer: test-host\n  sinks:\n  - name: file\n    type: file\n"
        + sentinel.sinkYaml("sentinel", secret, "");
  }

  @BeforeAll
  static void scrapeALoadedSinkhole() throws Exception {
    unbound = UnboundUpstream.start();
    sentinel = FakeIngestion.start();
    sinkhole = RunningSinkhole.start(unbound.hostPort(), MixedLoad.feedsYaml() + sinksYaml());
    prometheus = LocalPrometheus.start(sinkhole.metricsHostPort());
    prometheus.awaitValue("up{job=\"sinkhole\"}", 1, Duration.ofSeconds(20));

    int queries = 0;
    for (int i = 0; i < ROUNDS; i++) {
      queries += MixedLoad.round(sinkhole.dns());
      Thread.sleep(1100);
    }
    // The GC pause histogram exists from the first collection, which a real process has had long
    // before anyone looks at the dashboard; a short test JVM may not have had one yet.
    System.gc();
    prometheus.awaitValue("sum(sinkhole_queries_total)", queries, Duration.ofSeconds(20));
    // Two more scrapes after the load, so that every rate() window holds the increase.
    Thread.sleep(2500);
  }

  @AfterAll
  static void stop() {
    if (prometheus != null) {
      prometheus.close();
    }
    if (sinkhole != null) {
      sinkhole.close();
    }
    if (unbound != null) {
      unbound.close();
    }
    if (sentinel != null) {
      sentinel.close();
    }
  }

  @Test
  void everyDashboardQuery_isValidAndReturnsData() throws Exception {
    List<String> problems = new ArrayList<>();
    for (DashboardQueries.Query q : DashboardQueries.all()) {
      JsonNode response = prometheus.query(q.forPrometheus());
      problems.addAll(check(q.toString(), response));
    }

    assertThat(problems).as("dashboard queries that would show an error or no data").isEmpty();
  }

  @Test
  void everyMetricTheAlertsRead_existsInPrometheus() throws Exception {
    Set<String> names = new TreeSet<>();
    JsonNode groups =
        new YAMLMapper()
            .readTree(Repo.path("dashboards/prometheus/sinkhole-alerts.yml").toFile())
            .path("groups");
    for (JsonNode group : groups) {
      group.path("rules").forEach(r -> names.addAll(PromQl.metricNames(r.path("expr").asText())));
    }

    List<String> problems = new ArrayList<>();
    for (String name : names) {
      JsonNode response = prometheus.query("count({__name__=\"" + name + "\"})");
      problems.addAll(check("alert metric " + name, response));
    }

    assertThat(problems).as("metrics read by alert rules").isEmpty();
  }

  @Test
  void instanceVariable_listsTheScrapedSinkhole() throws Exception {
    // The dashboard's $instance variable: label_values(sinkhole_ioc_indicators, instance).
    JsonNode values = prometheus.labelValues("instance", "sinkhole_ioc_indicators");

    assertThat(values).extracting(JsonNode::asText).containsExactly(sinkhole.metricsHostPort());
  }

  @Test
  void topIndicatorHitsPanel_listsTheBlockedIndicatorsWithTheirMalware() throws Exception {
    JsonNode result =
        prometheus
            .query("topk(10, sum by (indicator, feed, malware) (sinkhole_indicator_hits_top))")
            .path("data")
            .path("result");

    assertThat(result)
        .anySatisfy(
            r -> {
              assertThat(r.path("metric").path("indicator").asText()).isEqualTo("api.r0csgo.com");
              assertThat(r.path("metric").path("malware").asText()).isEqualTo("4h_rat");
              assertThat(r.path("value").get(1).asDouble()).isEqualTo(ROUNDS);
            });
  }

  /** Problems with one response: an error, no data, or data where none can exist yet. */
  private static List<String> check(String what, JsonNode response) {
    if (!"success".equals(response.path("status").asText())) {
      return List.of(what + ": " + response.path("error").asText(response.toString()));
    }
    if (response.path("data").path("result").isEmpty()) {
      return List.of(what + ": no data");
    }
    return List.of();
  }
}

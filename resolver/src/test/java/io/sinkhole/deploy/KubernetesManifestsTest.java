package io.sinkhole.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Schema validation runs docker/kubernetes/validate/validate.mjs (kubernetes-models schemas plus
 * TypeScript's excess-property check, see that file); the hardening rules are checked here.
 */
class KubernetesManifestsTest {
  private static final Path MANIFESTS = Repo.path("docker/kubernetes");
  private static final Path VALIDATOR = MANIFESTS.resolve("validate");
  private static final Path BROKEN = Repo.path("resolver/src/test/resources/deploy/k8s-invalid");
  private static final Duration TIMEOUT = Duration.ofMinutes(5);

  @BeforeAll
  static void installValidator() {
    ExternalTool.Result result =
        ExternalTool.NPM.run(VALIDATOR, TIMEOUT, "ci", "--no-audit", "--no-fund");
    assertThat(result.exitCode()).as("npm ci in %s:%n%s", VALIDATOR, result.output()).isZero();
  }

  @Test
  void everyManifest_matchesTheKubernetesSchemas() {
    ExternalTool.Result result = validate(MANIFESTS);

    assertThat(result.exitCode()).as(result.output()).isZero();
    assertThat(result.output()).contains(" 0 problems").doesNotContain("INVALID");
  }

  static Stream<String> brokenManifests() {
    return Repo.files(BROKEN, ".yaml").stream().map(p -> p.getFileName().toString());
  }

  @ParameterizedTest
  @MethodSource("brokenManifests")
  void brokenManifest_isRejected(String name) {
    ExternalTool.Result result = validate(BROKEN.resolve(name));

    assertThat(result.exitCode()).as(result.output()).isEqualTo(1);
    assertThat(result.output()).contains("INVALID " + BROKEN.resolve(name));
  }

  @Test
  void workloads_runHardenedWithProbesAndResources() throws IOException {
    List<JsonNode> workloads = ofKind("DaemonSet", "Deployment");
    assertThat(workloads).hasSize(2);

    for (JsonNode workload : workloads) {
      JsonNode pod = workload.path("spec").path("template");
      String name = workload.path("metadata").path("name").asText();
      assertThat(pod.path("metadata").path("annotations").path("prometheus.io/scrape").asText())
          .as(name)
          .isEqualTo("true");
      assertThat(pod.path("spec").path("automountServiceAccountToken").asBoolean(true))
          .as(name)
          .isFalse();
      assertThat(pod.path("spec").path("containers")).as(name).isNotEmpty();
      pod.path("spec").path("containers").forEach(c -> assertHardened(name, c));
    }
  }

  @Test
  void daemonSet_usesHostNetworkWithClusterDns() throws IOException {
    JsonNode spec = ofKind("DaemonSet").get(0).path("spec").path("template").path("spec");

    assertThat(spec.path("hostNetwork").asBoolean()).isTrue();
    assertThat(spec.path("dnsPolicy").asText()).isEqualTo("ClusterFirstWithHostNet");
  }

  @Test
  void service_exposesDnsOverUdpAndTcp() throws IOException {
    JsonNode dns =
        ofKind("Service").stream()
            .filter(s -> s.path("metadata").path("name").asText().equals("sinkhole"))
            .findFirst()
            .orElseThrow();

    assertThat(dns.path("spec").path("ports").findValuesAsText("protocol"))
        .containsExactlyInAnyOrder("UDP", "TCP");
    assertThat(dns.path("spec").path("ports").findValuesAsText("port")).containsOnly("53");
  }

  @Test
  void secret_holdsOnlyPlaceholderSentinelCredentials() throws IOException {
    JsonNode data = ofKind("Secret").get(0).path("stringData");

    assertThat(data.properties())
        .extracting(e -> e.getKey())
        .containsExactlyInAnyOrder("AZURE_TENANT_ID", "AZURE_CLIENT_ID", "AZURE_CLIENT_SECRET");
    assertThat(data.path("AZURE_CLIENT_SECRET").asText()).contains("placeholder");
  }

  @Test
  void serviceMonitor_livesInItsOwnFile() throws IOException {
    List<JsonNode> docs = read(MANIFESTS.resolve("monitoring/servicemonitor.yaml"));

    assertThat(docs)
        .singleElement()
        .satisfies(d -> assertThat(d.path("kind").asText()).isEqualTo("ServiceMonitor"));
  }

  private static void assertHardened(String workload, JsonNode container) {
    String where = workload + "/" + container.path("name").asText();
    assertThat(container.at("/livenessProbe/httpGet/path").asText())
        .as(where)
        .isEqualTo("/healthz");
    assertThat(container.at("/readinessProbe/httpGet/path").asText())
        .as(where)
        .isEqualTo("/readyz");
    assertThat(container.at("/resources/requests/cpu").isMissingNode()).as(where).isFalse();
    assertThat(container.at("/resources/requests/memory").isMissingNode()).as(where).isFalse();
    assertThat(container.at("/resources/limits/memory").isMissingNode()).as(where).isFalse();

    JsonNode security = container.path("securityContext");
    assertThat(security.path("runAsNonRoot").asBoolean()).as(where).isTrue();
    assertThat(security.path("readOnlyRootFilesystem").asBoolean()).as(where).isTrue();
    assertThat(security.at("/capabilities/drop").toString()).as(where).isEqualTo("[\"ALL\"]");
    assertThat(security.at("/capabilities/add").toString())
        .as(where)
        .isEqualTo("[\"NET_BIND_SERVICE\"]");
    assertThat(security.at("/seccompProfile/type").asText()).as(where).isEqualTo("RuntimeDefault");
  }

  private static ExternalTool.Result validate(Path target) {
    return ExternalTool.NODE.run(VALIDATOR, TIMEOUT, "validate.mjs", target.toString());
  }

  private static List<JsonNode> ofKind(String... kinds) throws IOException {
    List<JsonNode> found = new ArrayList<>();
    for (Path file : Repo.files(MANIFESTS, ".yaml")) {
      for (JsonNode doc : read(file)) {
        if (List.of(kinds).contains(doc.path("kind").asText())) {
          found.add(doc);
        }
      }
    }
    return found;
  }

  private static List<JsonNode> read(Path file) throws IOException {
    try (MappingIterator<JsonNode> docs =
        new YAMLMapper().readerFor(JsonNode.class).readValues(file.toFile())) {
      return docs.readAll().stream().filter(d -> d != null && !d.isNull()).toList();
    }
  }
}

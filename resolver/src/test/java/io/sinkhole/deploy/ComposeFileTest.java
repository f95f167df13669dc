package io.sinkhole.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class ComposeFileTest {
  private static final Path DOCKER_DIR = Repo.path("docker");

  @Test
  void composeFile_isValidForDockerCompose() {
    ExternalTool.Result result =
        ExternalTool.DOCKER_COMPOSE.run(
            Repo.root(), Duration.ofSeconds(60), "-f", "docker/docker-compose.yml", "config", "-q");

    assertThat(result.exitCode()).as(result.output()).isZero();
    assertThat(result.output()).as("docker-compose warnings").isBlank();
  }

  @Test
  void everyBindMountSource_existsInTheRepository() throws IOException {
    JsonNode services = compose().path("services");
    for (String service : new String[] {"sinkhole", "prometheus", "grafana"}) {
      for (JsonNode volume : services.path(service).path("volumes")) {
        String source = volume.asText().split(":")[0];
        if (source.startsWith(".")) {
          assertThat(DOCKER_DIR.resolve(source).normalize())
              .as("bind mount of %s: %s", service, volume.asText())
              .exists();
        }
      }
    }
  }

  @Test
  void resolver_publishesDnsOverUdpAndTcp_andRunsLocked() throws IOException {
    JsonNode sinkhole = compose().path("services").path("sinkhole");

    assertThat(sinkhole.path("ports").toString()).contains("53:53/udp", "53:53/tcp");
    assertThat(sinkhole.path("cap_drop").toString()).contains("ALL");
    assertThat(sinkhole.path("read_only").asBoolean()).isTrue();
  }

  @Test
  void prometheusConfig_loadsTheAlertRules() throws IOException {
    JsonNode prometheus = compose().path("services").path("prometheus");

    assertThat(prometheus.path("volumes").toString())
        .contains("../dashboards/prometheus/sinkhole-alerts.yml:/etc/prometheus/rules/");
    assertThat(Files.readString(DOCKER_DIR.resolve("prometheus/prometheus.yml")))
        .contains("/etc/prometheus/rules/*.yml", "sinkhole:9153");
  }

  private static JsonNode compose() throws IOException {
    return new YAMLMapper().readTree(DOCKER_DIR.resolve("docker-compose.yml").toFile());
  }
}

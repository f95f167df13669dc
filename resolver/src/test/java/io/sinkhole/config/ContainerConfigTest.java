package io.sinkhole.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The container's configuration must be one the resolver accepts (issue #7). */
class ContainerConfigTest {
  @Test
  void containerConfiguration_bindsPort53OnAllInterfaces_andValidates() throws Exception {
    Path file = Path.of(System.getProperty("sinkhole.repo"), "docker", "sinkhole.yaml");

    SinkholeConfig c = ConfigLoader.load(file, Overrides.NONE);

    assertThat(c.listen()).containsExactly(HostPort.parse("0.0.0.0:53"));
    assertThat(c.metrics().listen()).isEqualTo(HostPort.parse("0.0.0.0:9153"));
    assertThat(c.feeds()).isNotEmpty();
  }

  @Test
  void kubernetesConfigMap_holdsAConfigurationTheResolverAccepts(
      @org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
    Path manifest =
        Path.of(
            System.getProperty("sinkhole.repo"),
            "docker",
            "kubernetes",
            "common",
            "configmap.yaml");
    com.fasterxml.jackson.databind.JsonNode first =
        new com.fasterxml.jackson.dataformat.yaml.YAMLMapper()
            .readValues(
                new com.fasterxml.jackson.dataformat.yaml.YAMLFactory()
                    .createParser(manifest.toFile()),
                com.fasterxml.jackson.databind.JsonNode.class)
            .next();
    Path conf = dir.resolve("sinkhole.yaml");
    java.nio.file.Files.writeString(conf, first.path("data").path("sinkhole.yaml").asText());

    SinkholeConfig c = ConfigLoader.load(conf, Overrides.NONE);

    assertThat(c.listen()).containsExactly(HostPort.parse("0.0.0.0:53"));
    assertThat(c.stateDir()).isEqualTo(Path.of("/var/lib/sinkhole/feeds"));
  }
}

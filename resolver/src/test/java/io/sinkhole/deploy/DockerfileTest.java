package io.sinkhole.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Static checks only: no Docker engine is available to build the image. */
class DockerfileTest {
  private static List<String> instructions() throws IOException {
    return Files.readAllLines(Repo.path("docker/Dockerfile")).stream()
        .map(String::strip)
        .filter(line -> !line.isEmpty() && !line.startsWith("#"))
        .toList();
  }

  @Test
  void image_isMultiStage_fromMavenToJre() throws IOException {
    assertThat(instructions())
        .filteredOn(line -> line.startsWith("FROM "))
        .containsExactly("FROM maven:3-eclipse-temurin-17 AS build", "FROM eclipse-temurin:17-jre");
  }

  @Test
  void runtime_isNonRoot_withHealthcheckVolumesAndPorts() throws IOException {
    List<String> lines = instructions();

    assertThat(lines).contains("USER 10053:10053", "EXPOSE 53/udp 53/tcp 9153/tcp");
    assertThat(lines).anyMatch(l -> l.startsWith("VOLUME") && l.contains("/etc/sinkhole"));
    assertThat(lines).anyMatch(l -> l.startsWith("VOLUME") && l.contains("/var/lib/sinkhole"));
    assertThat(lines).anyMatch(l -> l.contains("http://127.0.0.1:9153/healthz"));
    assertThat(lines).anyMatch(l -> l.contains("-XX:MaxRAMPercentage="));
  }

  @Test
  void jar_copiedFromBuildStage_matchesTheShadePluginName() throws IOException {
    assertThat(instructions())
        .contains("COPY --from=build /src/resolver/target/sinkhole.jar /opt/sinkhole/sinkhole.jar");
    assertThat(Files.readString(Repo.path("resolver/pom.xml")))
        .contains("<finalName>sinkhole</finalName>");
  }
}

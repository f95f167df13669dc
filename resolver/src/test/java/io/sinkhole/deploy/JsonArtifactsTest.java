package io.sinkhole.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class JsonArtifactsTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  private static List<Path> jsonFiles() {
    List<Path> files = new ArrayList<>(Repo.files(Repo.path("dashboards"), ".json"));
    files.addAll(Repo.files(Repo.path("docker"), ".json"));
    return files;
  }

  @Test
  void everyJsonFile_parses() {
    assertThat(jsonFiles()).hasSizeGreaterThanOrEqualTo(4);
    for (Path file : jsonFiles()) {
      assertThatCode(() -> JSON.readTree(file.toFile()))
          .as(file.toString())
          .doesNotThrowAnyException();
    }
  }

  @Test
  void everyArmTemplate_hasSchemaVersionAndResources() throws IOException {
    List<Path> templates = new ArrayList<>();
    for (Path file : jsonFiles()) {
      JsonNode root = JSON.readTree(file.toFile());
      if (root.path("$schema").asText().contains("deploymentTemplate.json")) {
        templates.add(file);
        assertThat(root.path("contentVersion").asText()).as(file.toString()).isNotEmpty();
        assertThat(root.path("resources").isArray()).as(file.toString()).isTrue();
        assertThat(root.path("resources")).as(file.toString()).isNotEmpty();
      }
    }
    assertThat(templates)
        .extracting(p -> p.getFileName().toString())
        .containsExactlyInAnyOrder("sinkhole-dcr.json", "analytics-rule-indicator-resolved.json");
  }
}

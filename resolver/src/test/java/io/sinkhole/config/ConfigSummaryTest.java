package io.sinkhole.config;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigSummaryTest {
  @TempDir Path dir;

  @Test
  void summary_isOneJsonLineWithTheEffectiveValues() throws Exception {
    Path f = dir.resolve("sinkhole.yaml");
    Files.writeString(f, "upstreams: [\"192.0.2.1:53\"]\nblock:\n  ttl: 30\n");
    SinkholeConfig config = ConfigLoader.load(f, Overrides.NONE);

    String line = ConfigSummary.json(config);

    assertThat(line).doesNotContain("\n");
    JsonNode json = new ObjectMapper().readTree(line);
    assertThat(json.at("/upstreams/0").asText()).isEqualTo("192.0.2.1:53");
    assertThat(json.at("/block/ttl").asInt()).isEqualTo(30);
    assertThat(json.at("/block/answer").asText()).as("as YAML spells it").isEqualTo("nxdomain");
    assertThat(json.at("/shutdown/grace_ms").asInt()).isEqualTo(5000);
    assertThat(json.at("/events/file").asText()).isEqualTo("logs/dns-events.jsonl");
    assertThat(json.at("/source").asText()).isEqualTo(f.toString());
  }

  /** Shaped like the Sentinel credentials issue #6 adds. */
  record Credentials(String tenantId, String clientSecret, String apiKey, Nested nested) {}

  record Nested(String password, String accessToken, String endpoint) {}

  @Test
  void secretLookingKeys_areMaskedAtAnyDepth() throws Exception {
    Credentials c =
        new Credentials(
            "tenant-1", "s3cr3t", "k3y", new Nested("hunter2", "t0ken", "https://dce.example"));

    String line = ConfigSummary.render(c);

    assertThat(line).doesNotContain("s3cr3t", "k3y", "hunter2", "t0ken");
    JsonNode json = new ObjectMapper().readTree(line);
    assertThat(json.at("/client_secret").asText()).isEqualTo("****");
    assertThat(json.at("/nested/access_token").asText()).isEqualTo("****");
    assertThat(json.at("/tenant_id").asText()).isEqualTo("tenant-1");
    assertThat(json.at("/nested/endpoint").asText()).isEqualTo("https://dce.example");
  }

  /** Where a secret is kept, not the secret: a variable name and a file name. */
  record SecretSource(String keyEnv, String keyFile, String key) {}

  @Test
  void keysNamingWhereASecretIsKept_areShown_theSecretItselfIsNot() throws Exception {
    String line =
        ConfigSummary.render(new SecretSource("SINKHOLE_CLIENT_HASH_KEY", "/run/key", "k3y"));

    JsonNode json = new ObjectMapper().readTree(line);
    assertThat(json.at("/key_env").asText()).isEqualTo("SINKHOLE_CLIENT_HASH_KEY");
    assertThat(json.at("/key_file").asText()).isEqualTo("/run/key");
    assertThat(json.at("/key").asText()).isEqualTo("****");
  }

  @Test
  void unsetSecret_staysNullSoTheLogShowsItIsMissing() throws Exception {
    String line = ConfigSummary.render(new Credentials("t", null, null, null));

    assertThat(new ObjectMapper().readTree(line).get("client_secret").isNull()).isTrue();
  }
}

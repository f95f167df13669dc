package io.sinkhole.policy;

import static org.assertj.core.api.Assertions.assertThat;

import io.sinkhole.config.ConfigLoader;
import io.sinkhole.config.Overrides;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AllowlistTest {
  @TempDir Path dir;

  private Allowlist load(String names) throws Exception {
    Path f = dir.resolve("sinkhole.yaml");
    Files.writeString(f, "upstreams: [\"127.0.0.1:53\"]\nallowlist:\n  names: " + names + "\n");
    return Allowlist.load(ConfigLoader.load(f, Overrides.NONE));
  }

  @Test
  void regexWithoutWildcards_stillAllows() throws Exception {
    Allowlist a = load("[\"exact.example\", \"/^cdn[0-9]+\\\\.example$/\"]");

    assertThat(a.allows("exact.example")).isEqualTo("exact.example");
    assertThat(a.allows("cdn42.example")).isEqualTo("/^cdn[0-9]+\\.example$/");
    assertThat(a.allows("x.exact.example")).isNull();
  }

  @Test
  void wildcard_allowsNamesBelowOnly() throws Exception {
    Allowlist a = load("[\"*.zone.example\"]");

    assertThat(a.allows("a.b.zone.example")).isEqualTo("*.zone.example");
    assertThat(a.allows("zone.example")).isNull();
  }
}

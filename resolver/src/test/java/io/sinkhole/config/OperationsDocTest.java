package io.sinkhole.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The environment-variable examples in the README ("Operating Sinkhole") work as the page says. */
class OperationsDocTest {
  private static final Pattern ASSIGNMENT = Pattern.compile("(?m)^(SINKHOLE_[A-Z0-9_]+)=(.*)$");

  @Test
  void everyExampleVariable_appliesToTheBundledConfiguration() throws Exception {
    Path repo = Path.of(System.getProperty("sinkhole.repo"));
    Map<String, String> env = new LinkedHashMap<>();
    String readme = Files.readString(repo.resolve("README.md"));
    int start = readme.indexOf("### Overriding configuration with environment variables");
    int end = readme.indexOf("\n### ", start + 1);
    Matcher m = ASSIGNMENT.matcher(readme.substring(start, end));
    while (m.find()) {
      env.put(m.group(1), m.group(2));
    }

    SinkholeConfig c =
        ConfigLoader.load(
            repo.resolve("config/sinkhole.yaml"), EnvOverrides.from(env), Overrides.NONE);

    assertThat(env).hasSizeGreaterThan(10);
    assertThat(c.block().answer()).isEqualTo(SinkholeConfig.BlockAnswer.ADDRESS);
    assertThat(c.listen()).hasSize(2);
    assertThat(c.upstreams()).hasSize(2);
    assertThat(c.feeds()).hasSize(3);
    assertThat(c.feeds().get(1).action()).isEqualTo(SinkholeConfig.Action.MONITOR);
    assertThat(c.block().addresses()).containsExactly("192.0.2.254", "::");
    assertThat(c.block().ttl()).isEqualTo(60);
    assertThat(c.shutdown().graceMs()).isEqualTo(10_000);
    assertThat(c.forwarding().timeoutMs()).isEqualTo(1500);
  }
}

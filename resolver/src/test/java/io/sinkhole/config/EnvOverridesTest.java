package io.sinkhole.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EnvOverridesTest {
  private static final String TWO_FEEDS =
      """
      block:
        answer: nxdomain
        ttl: 300
      feeds:
        - name: first
          path: first.hosts
        - name: second
          path: second.csv
          action: block
      """;

  @TempDir Path dir;

  @Test
  void scalarKey_fromEnvironment_replacesFileValue() throws Exception {
    SinkholeConfig c = load(TWO_FEEDS, Map.of("SINKHOLE_BLOCK__ANSWER", "address"));

    assertThat(c.block().answer()).isEqualTo(SinkholeConfig.BlockAnswer.ADDRESS);
    assertThat(c.block().ttl()).isEqualTo(300);
  }

  @Test
  void keyMissingFromFile_isCreated() throws Exception {
    SinkholeConfig c = load("{}", Map.of("SINKHOLE_METRICS__LISTEN", "0.0.0.0:9153"));

    assertThat(c.metrics().listen()).isEqualTo(HostPort.parse("0.0.0.0:9153"));
  }

  @Test
  void commaSeparatedList_replacesTheList() throws Exception {
    SinkholeConfig c =
        load(
            "upstreams: [\"192.0.2.9:53\"]",
            Map.of("SINKHOLE_UPSTREAMS", "192.0.2.1:53, [2001:db8::1]:53"));

    assertThat(c.upstreams())
        .containsExactly(HostPort.parse("192.0.2.1:53"), HostPort.parse("[2001:db8::1]:53"));
  }

  @Test
  void jsonList_replacesTheList() throws Exception {
    SinkholeConfig c =
        load("{}", Map.of("SINKHOLE_LISTEN", "[\"127.0.0.1:5353\", \"[::1]:5353\"]"));

    assertThat(c.listen()).hasSize(2).contains(HostPort.parse("[::1]:5353"));
  }

  @Test
  void listElementKey_changesOnlyThatElement() throws Exception {
    SinkholeConfig c = load(TWO_FEEDS, Map.of("SINKHOLE_FEEDS__1__ACTION", "monitor"));

    assertThat(c.feeds()).extracting(FeedConfig::name).containsExactly("first", "second");
    assertThat(c.feeds().get(0).action()).isEqualTo(SinkholeConfig.Action.BLOCK);
    assertThat(c.feeds().get(1).action()).isEqualTo(SinkholeConfig.Action.MONITOR);
  }

  @Test
  void indexRightAfterTheLast_appendsAnElement() throws Exception {
    SinkholeConfig c =
        load(
            TWO_FEEDS,
            Map.of(
                "SINKHOLE_FEEDS__2__NAME", "local",
                "SINKHOLE_FEEDS__2__PATH", "/etc/sinkhole/iocs/local.hosts",
                "SINKHOLE_FEEDS__2__SUBDOMAINS", "false"));

    assertThat(c.feeds()).hasSize(3);
    assertThat(c.feeds().get(2).path()).isEqualTo(Path.of("/etc/sinkhole/iocs/local.hosts"));
    assertThat(c.feeds().get(2).subdomains()).isFalse();
  }

  @Test
  void elevenIndexedElements_applyInNumericOrder() throws Exception {
    Map<String, String> env = new HashMap<>();
    for (int i = 0; i <= 10; i++) {
      env.put("SINKHOLE_BLOCK__ADDRESSES__" + i, "192.0.2." + i);
    }

    SinkholeConfig c = load("{}", env);

    assertThat(c.block().addresses()).hasSize(11).endsWith("192.0.2.9", "192.0.2.10");
  }

  @Test
  void wholeListAndElementKey_elementKeyAppliesOnTop() throws Exception {
    SinkholeConfig c =
        load(
            TWO_FEEDS,
            Map.of(
                "SINKHOLE_FEEDS", "[{\"name\": \"only\", \"path\": \"only.hosts\"}]",
                "SINKHOLE_FEEDS__0__ACTION", "off"));

    assertThat(c.feeds())
        .singleElement()
        .satisfies(
            f -> {
              assertThat(f.name()).isEqualTo("only");
              assertThat(f.action()).isEqualTo(SinkholeConfig.Action.OFF);
            });
  }

  @Test
  void emptyValue_restoresTheDefault() throws Exception {
    SinkholeConfig c = load(TWO_FEEDS, Map.of("SINKHOLE_BLOCK__TTL", ""));

    assertThat(c.block().ttl()).isEqualTo(60);
  }

  @Test
  void emptyListValue_emptiesTheList() throws Exception {
    SinkholeConfig c = load("upstreams: [\"192.0.2.9:53\"]", Map.of("SINKHOLE_UPSTREAMS", ""));

    assertThat(c.upstreams()).isEmpty();
  }

  @Test
  void precedence_fileThenEnvironmentThenCommandLine() throws Exception {
    Map<String, String> env =
        Map.of("SINKHOLE_UPSTREAMS", "192.0.2.2:53", "SINKHOLE_METRICS__LISTEN", "192.0.2.2:9153");
    Overrides cli = new Overrides(List.of(), List.of("192.0.2.3:53"), null, null, List.of());

    SinkholeConfig c =
        ConfigLoader.load(file("upstreams: [\"192.0.2.1:53\"]"), EnvOverrides.from(env), cli);

    assertThat(c.upstreams()).containsExactly(HostPort.parse("192.0.2.3:53"));
    assertThat(c.metrics().listen()).isEqualTo(HostPort.parse("192.0.2.2:9153"));
  }

  @Test
  void integersAndBooleans_areConvertedFromText() throws Exception {
    SinkholeConfig c =
        load(
            TWO_FEEDS,
            Map.of(
                "SINKHOLE_THREADS", "2",
                "SINKHOLE_SHUTDOWN__GRACE_MS", "1500",
                "SINKHOLE_FEEDS__0__SUBDOMAINS", "false"));

    assertThat(c.threads()).isEqualTo(2);
    assertThat(c.shutdown().graceMs()).isEqualTo(1500);
    assertThat(c.feeds().get(0).subdomains()).isFalse();
  }

  @Test
  void unknownKey_errorNamesTheVariableAndTheKnownKeys() {
    assertThatThrownBy(() -> load(TWO_FEEDS, Map.of("SINKHOLE_BLOK__ANSWER", "address")))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("environment variable SINKHOLE_BLOK__ANSWER")
        .hasMessageContaining("no key 'blok'")
        .hasMessageContaining("known keys: listen, threads, upstreams");
  }

  @Test
  void valueOfTheWrongType_errorNamesTheVariableAndField() {
    assertThatThrownBy(() -> load(TWO_FEEDS, Map.of("SINKHOLE_BLOCK__TTL", "soon")))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("environment variable SINKHOLE_BLOCK__TTL")
        .hasMessageContaining("block.ttl");
  }

  @Test
  void valueOutOfRange_errorNamesTheVariable() {
    assertThatThrownBy(
            () ->
                load(
                    TWO_FEEDS,
                    Map.of("SINKHOLE_BLOCK__TTL", "999999", "SINKHOLE_BLOCK__EDE", "filtered")))
        .isInstanceOf(ConfigException.class)
        .hasMessageEndingWith(
            "environment variable SINKHOLE_BLOCK__TTL: field 'block.ttl':"
                + " ttl must be 0-86400, was 999999");
  }

  @Test
  void badValueInFile_stillReportsTheLine() throws IOException {
    assertThatThrownBy(() -> load("block:\n  ttl: soon\n", Map.of("SINKHOLE_THREADS", "2")))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("line 2")
        .hasMessageNotContaining("environment");
  }

  @Test
  void keyBelowASingleValue_isRejected() {
    assertThatThrownBy(() -> load(TWO_FEEDS, Map.of("SINKHOLE_METRICS__LISTEN__PORT", "53")))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("SINKHOLE_METRICS__LISTEN__PORT: a single value has no key 'port'");
  }

  @Test
  void indexBeyondTheEnd_isRejected() {
    assertThatThrownBy(() -> load(TWO_FEEDS, Map.of("SINKHOLE_FEEDS__5__NAME", "x")))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("SINKHOLE_FEEDS__5__NAME")
        .hasMessageContaining("index 5 but the list has 2 elements");
  }

  @Test
  void mappingGivenAsPlainText_isRejected() {
    assertThatThrownBy(() -> load(TWO_FEEDS, Map.of("SINKHOLE_BLOCK", "address")))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("SINKHOLE_BLOCK:")
        .hasMessageContaining("needs JSON");
  }

  @Test
  void malformedJson_errorNamesTheVariable() {
    assertThatThrownBy(() -> load(TWO_FEEDS, Map.of("SINKHOLE_FEEDS", "[{\"name\": ")))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("SINKHOLE_FEEDS:")
        .hasMessageContaining("expected a list in JSON");
  }

  @Test
  void missingKeyPath_isRejected() {
    assertThatThrownBy(() -> load(TWO_FEEDS, Map.of("SINKHOLE_BLOCK____TTL", "5")))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("'__' between levels");
  }

  @Test
  void logLevelAndUnprefixedVariables_areLeftAlone() throws Exception {
    SinkholeConfig c =
        load(TWO_FEEDS, Map.of("SINKHOLE_LOG_LEVEL", "DEBUG", "PATH", "/usr/bin", "HOME", "/"));

    assertThat(c.block().ttl()).isEqualTo(300);
  }

  @Test
  void names_listVariablesInApplicationOrderWithoutValues() {
    EnvOverrides env =
        EnvOverrides.from(
            Map.of(
                "SINKHOLE_FEEDS__0__ACTION", "monitor",
                "SINKHOLE_FEEDS", "[]",
                "SINKHOLE_BLOCK__TTL", "5",
                "HOME", "/"));

    assertThat(env.names())
        .containsExactly("SINKHOLE_BLOCK__TTL", "SINKHOLE_FEEDS", "SINKHOLE_FEEDS__0__ACTION");
  }

  @Test
  void everyKeyOfTheBundledConfig_canComeFromTheEnvironmentAlone() throws Exception {
    Path bundled = Path.of(System.getProperty("sinkhole.repo"), "config", "sinkhole.yaml");
    Map<String, String> env = BundledConfigAsEnv.variables(bundled);
    Path empty = file("{}");

    SinkholeConfig fromFile = ConfigLoader.load(bundled, Overrides.NONE);
    SinkholeConfig fromEnv = ConfigLoader.load(empty, EnvOverrides.from(env), Overrides.NONE);

    assertThat(env).containsKeys("SINKHOLE_BLOCK__ADDRESSES__1", "SINKHOLE_FEEDS__1__FORMAT");
    assertThat(fromEnv.withSource(bundled)).isEqualTo(fromFile);
  }

  private SinkholeConfig load(String yaml, Map<String, String> env) throws Exception {
    return ConfigLoader.load(file(yaml), EnvOverrides.from(env), Overrides.NONE);
  }

  private Path file(String yaml) throws IOException {
    Path f = Files.createTempFile(dir, "sinkhole", ".yaml");
    Files.writeString(f, yaml);
    return f;
  }
}

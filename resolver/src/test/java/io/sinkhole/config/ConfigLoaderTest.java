package io.sinkhole.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sinkhole.source.IocLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigLoaderTest {
  @TempDir Path dir;

  private Path write(String yaml) throws Exception {
    Path f = dir.resolve("sinkhole.yaml");
    Files.writeString(f, yaml);
    return f;
  }

  @Test
  void unknownKey_namesFileLineAndField() throws Exception {
    Path f = write("listen: [\"127.0.0.1:5354\"]\nblock:\n  answr: nxdomain\n");

    assertThatThrownBy(() -> ConfigLoader.load(f, Overrides.NONE))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining(f.toString())
        .hasMessageContaining("line 3")
        .hasMessageContaining("field 'block.answr'")
        .hasMessageContaining("no such field; fields here: ")
        .hasMessageContaining("answer, ")
        .hasMessageNotContaining("io.sinkhole")
        .hasMessageNotContaining("ignorable");
  }

  @Test
  void badAddress_namesTheListElement() throws Exception {
    Path f = write("upstreams:\n  - \"127.0.0.1:53\"\n  - \"resolver.example:53\"\n");

    assertThatThrownBy(() -> ConfigLoader.load(f, Overrides.NONE))
        .hasMessageContaining("line 3")
        .hasMessageContaining("upstreams[1]")
        .hasMessageContaining("resolver.example");
  }

  @Test
  void badEnumValue_isReportedWithItsLine() throws Exception {
    Path f = write("block:\n  mode: block\n  answer: sinkhole\n");

    assertThatThrownBy(() -> ConfigLoader.load(f, Overrides.NONE))
        .hasMessageContaining("line 3")
        .hasMessageContaining("block.answer");
  }

  @Test
  void badEnumValue_listsTheAcceptedValuesAsWritten() throws Exception {
    Path f = write("block:\n  mode: block\n  answer: sinkhole\n");

    assertThatThrownBy(() -> ConfigLoader.load(f, Overrides.NONE))
        .hasMessageEndingWith(
            "line 3: field 'block.answer': 'sinkhole' is not one of nxdomain, nodata, refused,"
                + " address");
  }

  @Test
  void notANumber_saysWhatWasExpected() throws Exception {
    Path f = write("forwarding:\n  timeout_ms: soon\n");

    assertThatThrownBy(() -> ConfigLoader.load(f, Overrides.NONE))
        .hasMessageEndingWith(
            "line 2: field 'forwarding.timeout_ms': 'soon' is not a whole number");
  }

  @Test
  void rangeCheck_pointsAtTheKeyItNames_notAtItsMapping() throws Exception {
    Path f = write("block:\n  mode: block\n\n  ttl: -5\n");

    assertThatThrownBy(() -> ConfigLoader.load(f, Overrides.NONE))
        .hasMessageEndingWith("line 4: field 'block.ttl': ttl must be 0-86400, was -5");
  }

  @Test
  void sinkEmptyColumns_defaultsToOmit_andTakesKeep() throws Exception {
    Path f =
        write(
            "events:\n  sinks:\n    - name: lean\n    - name: full\n"
                + "      empty_columns: keep\n");

    List<SinkConfig> sinks = ConfigLoader.load(f, Overrides.NONE).events().sinks();

    assertThat(sinks)
        .extracting(SinkConfig::emptyColumns)
        .containsExactly(SinkConfig.EmptyColumns.OMIT, SinkConfig.EmptyColumns.KEEP);
  }

  @Test
  void sinkEmptyColumns_badValue_isReportedWithItsLine() throws Exception {
    Path f = write("events:\n  sinks:\n    - name: a\n      empty_columns: drop\n");

    assertThatThrownBy(() -> ConfigLoader.load(f, Overrides.NONE))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("line 4")
        .hasMessageContaining("empty_columns");
  }

  @Test
  void yamlSyntaxError_isReportedWithItsLine() throws Exception {
    Path f = write("listen: [\"127.0.0.1:5354\"\nblock: {\n");

    assertThatThrownBy(() -> ConfigLoader.load(f, Overrides.NONE))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining(f.toString())
        .hasMessageContaining("line");
  }

  @Test
  void missingFeedFile_namesFileLineAndField() throws Exception {
    Path f = write("feeds:\n  - name: a\n    path: a.txt\n  - name: b\n    path: missing.txt\n");
    Files.writeString(dir.resolve("a.txt"), "bad.example\n");
    SinkholeConfig config = ConfigLoader.load(f, Overrides.NONE);

    assertThatThrownBy(() -> IocLoader.load(config))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining(f.toString())
        .hasMessageContaining("line 5")
        .hasMessageContaining("feeds[1].path")
        .hasMessageContaining("missing.txt");
  }

  @Test
  void commandLine_overridesFileValues_andAddsFeeds() throws Exception {
    Path f = write("listen: [\"127.0.0.1:5354\"]\nupstreams: [\"127.0.0.1:53\"]\n");
    Path extra = dir.resolve("extra.txt");
    Files.writeString(extra, "bad.example\n");
    Overrides o =
        new Overrides(
            List.of("127.0.0.2:6000"), List.of("[::1]:5300"), "127.0.0.1:0", null, List.of(extra));

    SinkholeConfig c = ConfigLoader.load(f, o);

    assertThat(c.listen()).containsExactly(HostPort.parse("127.0.0.2:6000"));
    assertThat(c.upstreams()).containsExactly(HostPort.parse("[::1]:5300"));
    assertThat(c.feeds()).extracting(FeedConfig::name).containsExactly("extra.txt");
  }

  @Test
  void bundledConfiguration_loadsWithBothFeeds() throws Exception {
    Path bundled = Path.of(System.getProperty("sinkhole.repo"), "config", "sinkhole.yaml");

    SinkholeConfig c = ConfigLoader.load(bundled, Overrides.NONE);
    IocLoader.Loaded loaded = IocLoader.load(c);

    assertThat(c.listen()).containsExactly(HostPort.parse("127.0.0.1:5354"));
    assertThat(loaded.reports())
        .extracting(r -> r.name() + "=" + r.total())
        .containsExactly("threatfox-4h_rat=4", "threatfox-recent=861");
  }
}

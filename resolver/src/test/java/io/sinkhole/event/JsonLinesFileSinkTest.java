package io.sinkhole.event;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JsonLinesFileSinkTest {
  @TempDir Path dir;

  @Test
  void configuredSinks_omitEmptyColumnsByDefault_andKeepThemWhenAsked() throws Exception {
    Path yaml = dir.resolve("sinkhole.yaml");
    Files.writeString(
        yaml,
        "events:\n  sinks:\n"
            + "    - {name: lean, path: \""
            + dir.resolve("lean.jsonl")
            + "\"}\n"
            + "    - {name: full, path: \""
            + dir.resolve("full.jsonl")
            + "\", empty_columns: keep}\n");
    io.sinkhole.config.SinkholeConfig config =
        io.sinkhole.config.ConfigLoader.load(yaml, io.sinkhole.config.Overrides.NONE);
    List<EventSink> sinks =
        EventSinks.open(config.events(), "edge-01", new io.sinkhole.metrics.SinkholeMetrics());
    for (EventSink s : sinks) {
      s.write(List.of(SchemaColumnsTest.allowed()));
      s.close();
    }

    String lean = Files.readString(dir.resolve("lean.jsonl"));
    String full = Files.readString(dir.resolve("full.jsonl"));
    assertThat(lean).contains("\"Name\":\"www.zone.example\"").doesNotContain("\"MaliciousIP\"");
    assertThat(full).contains("\"Name\":\"www.zone.example\"").contains("\"MaliciousIP\":\"\"");
    assertThat(lean.length()).isLessThan(full.length());
  }

  @Test
  void sizeRotation_startsNewNames_andKeepsTheConfiguredCount() throws Exception {
    Path file = dir.resolve("dns-events.jsonl");
    RotatingFile rf = new RotatingFile(file, 2000, 0, 2, 0);
    try (JsonLinesFileSink sink =
        new JsonLinesFileSink(
            "file", file, new Rows(new DnsEventsSchema("edge-01")), e -> true, rf)) {
      for (int i = 0; i < 10; i++) {
        sink.write(List.of(SchemaColumnsTest.allowed(), SchemaColumnsTest.allowed()));
        Thread.sleep(2); // rotated names carry the millisecond
      }
    }

    List<Path> rotated = rf.rotatedFiles();
    assertThat(rotated).hasSize(2);
    assertThat(rotated.get(0).getFileName().toString())
        .matches("dns-events-\\d{8}T\\d{6}\\.\\d{3}Z\\.jsonl");
    for (Path p : rotated) {
      assertThat(Files.readAllLines(p)).allMatch(l -> l.startsWith("{\"TimeGenerated\""));
    }
  }

  @Test
  void matchesFilter_writesOnlyMatchedQueries() throws Exception {
    Path file = dir.resolve("matches.jsonl");
    try (JsonLinesFileSink sink =
        new JsonLinesFileSink(
            "file",
            file,
            new Rows(new DnsEventsSchema("edge-01")),
            EventSinks.filter(io.sinkhole.config.SinkConfig.Filter.MATCHES),
            new RotatingFile(file, 0, 0, 0, 0))) {
      assertThat(sink.write(List.of(SchemaColumnsTest.allowed(), SchemaColumnsTest.blocked())))
          .isEqualTo(1);
    }

    assertThat(Files.readAllLines(file)).singleElement().asString().contains("c2.bad.example");
  }
}

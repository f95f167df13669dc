package io.sinkhole;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** The command line: help, configuration errors, and {@code sinkhole check}. */
class MainTest {
  @TempDir Path dir;
  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private int run(String... args) {
    CommandLine cli = new CommandLine(new Main());
    cli.setOut(new PrintWriter(out, true));
    cli.setErr(new PrintWriter(err, true));
    return cli.execute(args);
  }

  private Path config(String yaml) throws Exception {
    Path f = dir.resolve("sinkhole.yaml");
    Files.writeString(f, yaml);
    Files.writeString(
        dir.resolve("report.md"),
        "| Type | Value | Threat Type | Malware | Confidence |\n|---|---|---|---|---|\n"
            + "| domain | c2.example | botnet_cc | family_a | 80 |\n");
    return f;
  }

  @Test
  void help_describesTheOverrideOptions() {
    assertThat(run("--help")).isZero();

    assertThat(out.toString())
        .contains("--config", "--listen", "--upstream", "--metrics-listen", "--events", "--feed")
        .contains("check");
  }

  @Test
  void check_printsDecisionRuleAndIndicator() throws Exception {
    Path f =
        config("upstreams: [\"127.0.0.1:53\"]\nfeeds:\n  - name: report\n    path: report.md\n");

    int code = run("--config", f.toString(), "check", "WWW.C2.example.");

    assertThat(code).isZero();
    assertThat(out.toString())
        .contains("www.c2.example: block")
        .contains("rule: feed report: block (confidence 80 >= block_confidence 0)")
        .contains("listed as: c2.example (parent)")
        .contains("malware=family_a");
  }

  @Test
  void check_exemptClient_isAllowedWithTheClientRule() throws Exception {
    Path f =
        config(
            "feeds:\n  - name: report\n    path: report.md\n"
                + "clients:\n  - cidrs: [\"192.0.2.0/24\"]\n    action: exempt\n");

    run("--config", f.toString(), "check", "c2.example", "--client", "192.0.2.9");

    assertThat(out.toString())
        .contains("c2.example: allow")
        .contains("client 192.0.2.0/24: exempt");
  }

  @Test
  void badAllowlistRegex_exitsWithFileLineAndField() throws Exception {
    Path f = config("feeds: []\nallowlist:\n  names:\n    - \"/([a-z/\"\n");

    int code = run("--config", f.toString(), "check", "c2.example");

    assertThat(code).isEqualTo(2);
    assertThat(err.toString())
        .contains(f.toString())
        .contains("line 4")
        .contains("allowlist.names[0]");
  }

  @Test
  void popularDomainsList_givenAsAFeed_isRefusedWithAHint() throws Exception {
    Path f = config("upstreams: [\"127.0.0.1:53\"]\nfeeds: []\n");
    Path popular = dir.resolve("tranco.json");
    Files.writeString(
        popular,
        "{\"name\": \"Top domains\", \"type\": \"hostname\", \"list\": [\"example.com\"]}");

    int code = run("--config", f.toString(), "--feed", popular.toString(), "validate");

    assertThat(code).isEqualTo(2);
    assertThat(err.toString()).contains("popular-domains list").contains("allowlist.files");
  }

  @Test
  void validate_reportsAMissingAllowlistFile() throws Exception {
    Path f =
        config(
            "feeds:\n  - name: report\n    path: report.md\n"
                + "allowlist:\n  files:\n    - path: missing.json\n");

    int code = run("--config", f.toString(), "validate");

    assertThat(code).isEqualTo(2);
    assertThat(err.toString()).contains("allowlist.files[0].path").contains("file not found");
  }
}

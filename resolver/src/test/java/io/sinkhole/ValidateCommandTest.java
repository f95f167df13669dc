package io.sinkhole;

import static org.assertj.core.api.Assertions.assertThat;

import io.sinkhole.testing.FeedServer;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code sinkhole validate}: counts, problems with file and line, and the exit status. */
class ValidateCommandTest {
  private static final String FEEDS =
      "feeds:\n"
          + "  - {name: hosts, path: iocs/hosts.txt}\n"
          + "  - {name: list, path: iocs/list.txt, format: domains}\n";

  @TempDir Path dir;
  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private int validate(String yaml, String... args) throws Exception {
    Files.createDirectories(dir.resolve("iocs"));
    Files.writeString(
        dir.resolve("iocs/hosts.txt"), "0.0.0.0 bad-one.example\n0.0.0.0 bad-two.example\n");
    Files.writeString(
        dir.resolve("iocs/list.txt"), "bad-three.example\nnot a name!\nbad-four.example\n");
    Path config = dir.resolve("sinkhole.yaml");
    Files.writeString(config, yaml);
    CommandLine cmd = new CommandLine(new Main());
    cmd.setOut(new PrintWriter(out, true));
    cmd.setErr(new PrintWriter(err, true));
    String[] all = new String[args.length + 3];
    all[0] = "validate";
    all[1] = "--config";
    all[2] = config.toString();
    System.arraycopy(args, 0, all, 3, args.length);
    return cmd.execute(all);
  }

  @Test
  void goodFeeds_printCountsPerFeedAndType_andEveryProblemWithFileAndLine() throws Exception {
    int status = validate(FEEDS);

    assertThat(status).isZero();
    assertThat(out.toString())
        .contains("feed hosts: 2 indicators (domain 2)")
        .contains("feed list: 2 indicators (domain 2)")
        .contains(dir.resolve("iocs/list.txt") + ":2: ")
        .contains("4 indicators, 1 problems, 0 unreadable feeds");
  }

  @Test
  void problemLines_failOnlyWithStrict() throws Exception {
    assertThat(validate(FEEDS, "--strict")).isEqualTo(1);
  }

  @Test
  void missingFeedFile_exitsTwoNamingFieldAndLine() throws Exception {
    int status = validate(FEEDS + "  - {name: gone, path: iocs/gone.txt}\n");

    assertThat(status).isEqualTo(2);
    assertThat(err.toString()).contains("line 4").contains("feeds[2].path").contains("gone.txt");
    assertThat(out.toString()).contains("feed hosts: 2 indicators");
  }

  @Test
  void urlFeed_isDownloadedAndCounted() throws Exception {
    try (FeedServer server = new FeedServer().serve("||bad-five.example^\n||bad-six.example^\n")) {
      int status = validate("feeds:\n  - {name: remote, url: \"" + server.url("/ab") + "\"}\n");

      assertThat(status).isZero();
      assertThat(out.toString())
          .contains(
              "feed remote: 2 indicators (domain 2) from " + server.url("/ab") + " (adblock)");
    }
  }

  @Test
  void configurationError_exitsTwo() throws Exception {
    assertThat(validate("feeds:\n  - {name: nowhere}\n")).isEqualTo(2);
    assertThat(err.toString()).contains("needs either a path or a url");
  }
}

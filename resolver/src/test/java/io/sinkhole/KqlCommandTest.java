package io.sinkhole;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class KqlCommandTest {
  @TempDir Path dir;

  private String kql(String... args) throws Exception {
    Files.writeString(dir.resolve("bad.domains"), "c2.bad.example\npayload.bad.example\n");
    Files.writeString(dir.resolve("other.domains"), "x.other.example\n");
    Path conf = dir.resolve("sinkhole.yaml");
    Files.writeString(
        conf,
        "feeds:\n  - name: bad\n    path: bad.domains\n  - name: other\n    path: other.domains\n");
    StringWriter out = new StringWriter();
    CommandLine cli = new CommandLine(new Main());
    cli.setOut(new PrintWriter(out));
    String[] all = new String[args.length + 3];
    all[0] = "--config";
    all[1] = conf.toString();
    all[2] = "kql";
    System.arraycopy(args, 0, all, 3, args.length);
    assertThat(cli.execute(all)).isZero();
    return out.toString();
  }

  @Test
  void oneFeed_dnsEventsShape_listsOnlyThatFeedsNames() throws Exception {
    String q = kql("--feed", "bad", "--schema", "dnsevents");

    assertThat(q)
        .contains("let malicious_domains = dynamic([\"c2.bad.example\", \"payload.bad.example\"]);")
        .contains("SinkholeDnsEvents_CL", "| where Name has_any (malicious_domains)")
        .doesNotContain("x.other.example", "ASimDnsActivityLogs");
  }

  @Test
  void noSchema_printsBothTableShapes() throws Exception {
    String q = kql();

    assertThat(q)
        .contains("SinkholeDnsEvents_CL", "ASimDnsActivityLogs")
        .contains("| where DnsQuery has_any (malicious_domains)")
        .contains("\"x.other.example\"");
  }

  @Test
  void lookbackOrFamilyThatIsNotPlain_isRefused_notPastedIntoTheQuery() throws Exception {
    Path conf = dir.resolve("sinkhole.yaml");
    Files.writeString(conf, "feeds: []\n");
    CommandLine cli = new CommandLine(new Main());
    StringWriter out = new StringWriter();
    cli.setOut(new PrintWriter(out));
    cli.setErr(new PrintWriter(new StringWriter()));

    int badLookback = cli.execute("--config", conf.toString(), "kql", "--lookback", "1d; print 1");
    int badFamily = cli.execute("--config", conf.toString(), "kql", "--family", "x\nprint 1");

    assertThat(badLookback).isEqualTo(2);
    assertThat(badFamily).isEqualTo(2);
    assertThat(out.toString()).doesNotContain("print 1");
  }
}

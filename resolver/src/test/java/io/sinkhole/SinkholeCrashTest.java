package io.sinkhole;

import static org.assertj.core.api.Assertions.assertThat;

import io.sinkhole.testing.DnsProbe;
import io.sinkhole.testing.FakeIngestion;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Type;

/**
 * The "done when": Sinkhole as its own JVM, endpoint down, queries answered, then SIGKILL
 * ({@code destroyForcibly}); restarted with the endpoint back, every event the spool had accepted
 * arrives.
 */
class SinkholeCrashTest {
  private static final int QUERIES = 200;
  private static final String ACCEPTED = "sinkhole_events_accepted_total{sink=\"sentinel\"}";

  @TempDir Path dir;

  @Test
  void sigkillDuringOutage_everyAcceptedEventArrivesAfterRestart() throws Exception {
    try (FakeIngestion fake = FakeIngestion.start()) {
      fake.down(true);
      int dns = freePort();
      int metrics = freePort();
      Path conf = writeConfig(fake, dns, metrics);

      Process first = start(conf, "first");
      try {
        awaitDns(dns);
        DnsProbe probe = new DnsProbe(new InetSocketAddress("127.0.0.1", dns));
        for (int i = 0; i < QUERIES; i++) {
          assertThat(probe.query("q" + i + ".bad.example", Type.A).getRcode())
              .isEqualTo(Rcode.NXDOMAIN);
        }
        awaitMetric(metrics, ACCEPTED, QUERIES + 1);
      } finally {
        first.destroyForcibly().waitFor();
      }

      Process second = start(conf, "second");
      try {
        fake.down(false);
        assertThat(fake.awaitDistinct("Name", QUERIES + 1, 60_000)).isTrue();
      } finally {
        second.destroy();
        second.waitFor();
      }
      Map<String, Integer> got = fake.countsBy("Name");
      for (int i = 0; i < QUERIES; i++) {
        assertThat(got).containsEntry("q" + i + ".bad.example", 1);
      }
    }
  }

  private Path writeConfig(FakeIngestion fake, int dns, int metrics) throws IOException {
    Path secret = dir.resolve("secret");
    Files.writeString(secret, "not-a-real-secret");
    Files.writeString(dir.resolve("bad.domains"), "bad.example\n");
    String yaml =
        "listen: [\"127.0.0.1:"
            + dns
            + "\"]\n"
            + "threads: 1\n"
            + "upstreams: [\"127.0.0.1:9\"]\n"
            + "metrics:\n  listen: \"127.0.0.1:"
            + metrics
            + "\"\n"
            + "events:\n  file: \""
            + dir.resolve("events.jsonl")
            + "\"\n"
            + "  computer: crash-test\n  sinks:\n"
            + fake.sinkYaml("sentinel", secret, "    max_backoff_ms: 200\n")
            + "feeds:\n  - name: bad\n    path: bad.domains\n    format: domains\n";
    Path conf = dir.resolve("sinkhole.yaml");
    Files.writeString(conf, yaml);
    return conf;
  }

  private Process start(Path conf, String name) throws IOException {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    List<String> cmd =
        List.of(
            java,
            "-Dsinkhole.test.allowTokenUrl=true",
            "-cp",
            System.getProperty("java.class.path"),
            "io.sinkhole.Main",
            "--config",
            conf.toString());
    return new ProcessBuilder(cmd)
        .redirectOutput(dir.resolve(name + ".out").toFile())
        .redirectError(dir.resolve(name + ".err").toFile())
        .start();
  }

  /** The first answered query proves the server is up; it is one more event ({@code ready}). */
  private static void awaitDns(int port) throws Exception {
    DnsProbe probe = new DnsProbe(new InetSocketAddress("127.0.0.1", port));
    long deadline = System.currentTimeMillis() + 30_000;
    while (System.currentTimeMillis() < deadline) {
      try {
        probe.query("ready.bad.example", Type.A);
        return;
      } catch (IOException e) {
        Thread.sleep(100);
      }
    }
    throw new AssertionError("sinkhole did not answer on port " + port);
  }

  private static void awaitMetric(int port, String series, double atLeast) throws Exception {
    HttpClient http = HttpClient.newHttpClient();
    HttpRequest req =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/metrics"))
            .timeout(Duration.ofSeconds(5))
            .build();
    long deadline = System.currentTimeMillis() + 20_000;
    while (System.currentTimeMillis() < deadline) {
      for (String line : http.send(req, HttpResponse.BodyHandlers.ofString()).body().split("\n")) {
        if (line.startsWith(series + " ")
            && Double.parseDouble(line.substring(series.length() + 1)) >= atLeast) {
          return;
        }
      }
      Thread.sleep(50);
    }
    throw new AssertionError(series + " never reached " + atLeast);
  }

  private static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      return s.getLocalPort();
    }
  }
}

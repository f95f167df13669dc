package io.sinkhole.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.sinkhole.testing.UnboundUpstream;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * A real Prometheus (Debian's package, {@code /usr/bin/prometheus}) on a loopback port with its
 * data in a temporary directory, scraping one target every second as job {@code sinkhole}.
 */
final class LocalPrometheus implements AutoCloseable {
  private static final Path BINARY = Path.of("/usr/bin/prometheus");
  private static final ObjectMapper JSON = new ObjectMapper();

  private final Process process;
  private final Path dir;
  private final String base;
  private final HttpClient http = HttpClient.newHttpClient();

  private LocalPrometheus(Process process, Path dir, int port) {
    this.process = process;
    this.dir = dir;
    this.base = "http://127.0.0.1:" + port;
  }

  static LocalPrometheus start(String target) throws Exception {
    if (!Files.isExecutable(BINARY)) {
      throw new AssertionError("prometheus is not installed (Debian package prometheus)");
    }
    Path dir = Files.createTempDirectory("prometheus-test");
    Files.writeString(
        dir.resolve("prometheus.yml"),
        "global:\n  scrape_interval: 1s\n  evaluation_interval: 1s\n"
            + "scrape_configs:\n  - job_name: sinkhole\n"
            + "    static_configs:\n      - targets: [\""
            + target
            + "\"]\n");
    int port = UnboundUpstream.freePort();
    Process p =
        new ProcessBuilder(
                BINARY.toString(),
                "--config.file=" + dir.resolve("prometheus.yml"),
                "--storage.tsdb.path=" + dir.resolve("data"),
                "--web.listen-address=127.0.0.1:" + port,
                "--log.level=warn")
            .redirectErrorStream(true)
            .redirectOutput(dir.resolve("prometheus.log").toFile())
            .start();
    LocalPrometheus prometheus = new LocalPrometheus(p, dir, port);
    prometheus.awaitReady();
    return prometheus;
  }

  private void awaitReady() throws Exception {
    long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw new IOException("prometheus exited: " + log());
      }
      try {
        if (get("/-/ready").statusCode() == 200) {
          return;
        }
      } catch (IOException e) {
        // not listening yet
      }
      Thread.sleep(100);
    }
    close();
    throw new IOException("prometheus not ready within 30 s: " + log());
  }

  /** Evaluates {@code promql} at the current time; returns the whole API response. */
  JsonNode query(String promql) throws IOException, InterruptedException {
    return JSON.readTree(get("/api/v1/query?query=" + encode(promql)).body());
  }

  /** Values of a label over the series matching {@code selector}, as Grafana's label_values(). */
  JsonNode labelValues(String label, String selector) throws IOException, InterruptedException {
    String path = "/api/v1/label/" + label + "/values?match[]=" + encode(selector);
    return JSON.readTree(get(path).body()).path("data");
  }

  /** Waits until {@code promql} returns a first sample whose value is at least {@code min}. */
  void awaitValue(String promql, double min, Duration timeout) throws Exception {
    long deadline = System.nanoTime() + timeout.toNanos();
    double value = Double.NaN;
    while (System.nanoTime() < deadline) {
      JsonNode result = query(promql).path("data").path("result");
      value = result.isEmpty() ? Double.NaN : result.get(0).path("value").get(1).asDouble();
      if (value >= min) {
        return;
      }
      Thread.sleep(200);
    }
    throw new AssertionError(promql + " was " + value + ", not " + min + " or more: " + log());
  }

  String log() throws IOException {
    return Files.readString(dir.resolve("prometheus.log"));
  }

  private HttpResponse<String> get(String path) throws IOException, InterruptedException {
    HttpRequest req =
        HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(10)).build();
    return http.send(req, HttpResponse.BodyHandlers.ofString());
  }

  private static String encode(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }

  /** Stops the process by its PID: SIGTERM, then SIGKILL. */
  @Override
  public void close() {
    process.destroy();
    try {
      if (!process.waitFor(10, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      process.destroyForcibly();
    }
  }
}

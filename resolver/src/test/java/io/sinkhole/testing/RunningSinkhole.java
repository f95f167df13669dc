package io.sinkhole.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.sinkhole.Sinkhole;
import io.sinkhole.config.ConfigLoader;
import io.sinkhole.config.Overrides;
import io.sinkhole.config.SinkholeConfig;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * A whole Sinkhole started in-process from inline YAML, on loopback with ephemeral ports. The YAML
 * given is the body of the configuration; listen, metrics and events are added here.
 */
public final class RunningSinkhole implements AutoCloseable {
  private static final ObjectMapper JSON = new ObjectMapper();

  /**
   * Stands for the events file in YAML given to {@link #start}: a test that writes its own {@code
   * events:} section uses it for the file sink's path.
   */
  public static final String EVENTS = "@EVENTS@";

  private final Sinkhole sinkhole;
  private final Path dir;
  private final Path events;

  private RunningSinkhole(Sinkhole sinkhole, Path dir, Path events) {
    this.sinkhole = sinkhole;
    this.dir = dir;
    this.events = events;
  }

  /**
   * Starts Sinkhole with {@code yaml} (feeds, block, ...) plus {@code files} written beside the
   * configuration (name, content pairs), forwarding to {@code upstream}.
   */
  public static RunningSinkhole start(String upstream, String yaml, String... files)
      throws Exception {
    return start(List.of(upstream), yaml, files);
  }

  /**
   * As {@link #start(String, String, String...)} with several upstreams, in order of preference.
   */
  public static RunningSinkhole start(List<String> upstreams, String yaml, String... files)
      throws Exception {
    Path dir = Files.createTempDirectory("sinkhole-test");
    for (int i = 0; i + 1 < files.length; i += 2) {
      Path f = dir.resolve(files[i]);
      Files.createDirectories(f.getParent());
      Files.writeString(f, files[i + 1]);
    }
    Path events = dir.resolve("events.jsonl");
    String full =
        "listen: [\"127.0.0.1:0\"]\n"
            + "threads: 1\n"
            + "upstreams: [\""
            + String.join("\", \"", upstreams)
            + "\"]\n"
            + "metrics:\n  listen: \"127.0.0.1:0\"\n"
            + (yaml.startsWith("events:") || yaml.contains("\nevents:")
                ? ""
                : "events:\n  file: \"" + EVENTS + "\"\n  computer: \"test-host\"\n")
            + (yaml.contains("state_dir:") ? "" : "state_dir: \"" + dir.resolve("state") + "\"\n")
            + yaml;
    full = full.replace(EVENTS, events.toString());
    Path conf = dir.resolve("sinkhole.yaml");
    Files.writeString(conf, full);
    SinkholeConfig config = ConfigLoader.load(conf, Overrides.NONE);
    return new RunningSinkhole(Sinkhole.start(config), dir, events);
  }

  public InetSocketAddress dns() {
    return sinkhole.dnsAddresses().get(0);
  }

  public Sinkhole sinkhole() {
    return sinkhole;
  }

  public Path dir() {
    return dir;
  }

  public DnsProbe probe() {
    return new DnsProbe(dns());
  }

  /** GETs a path on the metrics port and returns the body. */
  public String http(String path) throws IOException, InterruptedException {
    return get(path).body();
  }

  /** GETs a path on the metrics port and returns the whole response (status and body). */
  public HttpResponse<String> get(String path) throws IOException, InterruptedException {
    InetSocketAddress a = sinkhole.metricsAddress();
    HttpRequest req =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + a.getPort() + path))
            .timeout(Duration.ofSeconds(5))
            .build();
    return HttpClient.newHttpClient().send(req, HttpResponse.BodyHandlers.ofString());
  }

  /** The metrics address as {@code 127.0.0.1:PORT}, for a Prometheus scrape target. */
  public String metricsHostPort() {
    return "127.0.0.1:" + sinkhole.metricsAddress().getPort();
  }

  /** POSTs to a path on the metrics port (such as {@code /admin/reload}) and returns the body. */
  public String post(String path) throws IOException, InterruptedException {
    InetSocketAddress a = sinkhole.metricsAddress();
    HttpRequest req =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + a.getPort() + path))
            .timeout(Duration.ofSeconds(30))
            .POST(HttpRequest.BodyPublishers.noBody())
            .build();
    return HttpClient.newHttpClient().send(req, HttpResponse.BodyHandlers.ofString()).body();
  }

  /** One metric sample's value from /metrics, or 0 when the series does not exist. */
  public double metric(String series) throws IOException, InterruptedException {
    for (String line : http("/metrics").split("\n")) {
      if (line.startsWith(series + " ")) {
        return Double.parseDouble(line.substring(series.length() + 1).trim());
      }
    }
    return 0;
  }

  /** Waits until the events file holds at least {@code count} rows, then returns all rows. */
  public List<JsonNode> awaitEvents(int count) throws IOException {
    long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
    List<JsonNode> rows = List.of();
    while (System.nanoTime() < deadline) {
      rows = readEvents();
      if (rows.size() >= count) {
        return rows;
      }
      UnboundUpstream.sleep(20);
    }
    return rows;
  }

  /** Waits for the last event row that satisfies {@code wanted}; fails after 10 s. */
  public JsonNode awaitEvent(java.util.function.Predicate<JsonNode> wanted) throws IOException {
    long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
    while (System.nanoTime() < deadline) {
      List<JsonNode> rows = readEvents();
      for (int i = rows.size() - 1; i >= 0; i--) {
        if (wanted.test(rows.get(i))) {
          return rows.get(i);
        }
      }
      UnboundUpstream.sleep(20);
    }
    throw new AssertionError("no matching event row in " + readEvents());
  }

  public List<JsonNode> readEvents() throws IOException {
    List<JsonNode> out = new ArrayList<>();
    if (!Files.exists(events)) {
      return out;
    }
    for (String line : Files.readAllLines(events)) {
      if (!line.isBlank()) {
        out.add(JSON.readTree(line));
      }
    }
    return out;
  }

  public Path eventsFile() {
    return events;
  }

  @Override
  public void close() {
    sinkhole.close();
  }
}

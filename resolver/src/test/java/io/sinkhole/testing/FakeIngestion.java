package io.sinkhole.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.zip.GZIPInputStream;

/**
 * The Logs Ingestion API contract on loopback: a client-credentials token endpoint ({@code POST
 * /token}) and the stream endpoint ({@code POST /dataCollectionRules/{dcr}/streams/{stream}}) that
 * checks the bearer token, gunzips and parses the JSON array, keeps every row and answers 204.
 * Faults are scripted per request (429 with Retry-After, 500, 413, 401, slow answers, connection
 * resets) or as an outage during which every connection is reset.
 */
public final class FakeIngestion implements AutoCloseable {
  public static final String DCR = "dcr-00000000000000000000000000000000";
  public static final String STREAM = "Custom-SinkholeDnsEvents";
  private static final String TOKEN = "test-token";
  private static final ObjectMapper JSON = new ObjectMapper();

  private final HttpServer server;
  private final ExecutorService pool = Executors.newFixedThreadPool(4);
  private final List<JsonNode> rows = Collections.synchronizedList(new ArrayList<>());
  private final ConcurrentLinkedQueue<Fault> faults = new ConcurrentLinkedQueue<>();
  private final AtomicInteger posts = new AtomicInteger();
  private volatile boolean down;
  private volatile int maxBodyBytes = 1_000_000;

  /** A scripted answer to one request. */
  public record Fault(int status, Map<String, String> headers, long delayMillis, boolean resets) {
    public static Fault status(int status) {
      return new Fault(status, Map.of(), 0, false);
    }

    public static Fault retryAfter(int status, String retryAfter) {
      return new Fault(status, Map.of("Retry-After", retryAfter), 0, false);
    }

    public static Fault slow(long millis) {
      return new Fault(204, Map.of(), millis, false);
    }

    public static Fault connectionReset() {
      return new Fault(0, Map.of(), 0, true);
    }
  }

  private FakeIngestion(HttpServer server) {
    this.server = server;
  }

  public static FakeIngestion start() throws IOException {
    HttpServer s = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    FakeIngestion f = new FakeIngestion(s);
    s.createContext("/token", f::token);
    s.createContext("/dataCollectionRules/", f::ingest);
    s.setExecutor(f.pool);
    s.start();
    return f;
  }

  public String endpoint() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  public String tokenUrl() {
    return endpoint() + "/token";
  }

  /**
   * The sink's YAML (an item of {@code events.sinks}) pointing here, the client secret read from
   * {@code secretFile}, with {@code extra} keys appended (indented by four spaces).
   */
  public String sinkYaml(String name, java.nio.file.Path secretFile, String extra) {
    return "  - name: "
        + name
        + "\n    type: logs_ingestion\n    endpoint: \""
        + endpoint()
        + "\"\n    dcr_immutable_id: "
        + DCR
        + "\n    stream: "
        + STREAM
        + "\n    auth:\n      method: client_secret\n      client_id: test-client\n"
        + "      client_secret_file: \""
        + secretFile
        + "\"\n      token_url: \""
        + tokenUrl()
        + "\"\n"
        + extra;
  }

  /** The next requests get these answers, in order. */
  public void script(Fault... next) {
    faults.addAll(List.of(next));
  }

  /** While down, every connection is reset, as when the endpoint is unreachable. */
  public void down(boolean down) {
    this.down = down;
  }

  /** Bodies larger than this (uncompressed) get 413, as the service does past 1 MB. */
  public void maxBodyBytes(int bytes) {
    this.maxBodyBytes = bytes;
  }

  public int posts() {
    return posts.get();
  }

  /** Every row received, duplicates included. */
  public List<JsonNode> rows() {
    synchronized (rows) {
      return new ArrayList<>(rows);
    }
  }

  /** How often each value of {@code column} was received. */
  public Map<String, Integer> countsBy(String column) {
    Map<String, Integer> out = new HashMap<>();
    for (JsonNode r : rows()) {
      out.merge(r.path(column).asText(), 1, Integer::sum);
    }
    return out;
  }

  /** Waits until {@code distinct} different values of {@code column} have arrived. */
  public boolean awaitDistinct(String column, int distinct, long millis) {
    long deadline = System.currentTimeMillis() + millis;
    while (System.currentTimeMillis() < deadline) {
      if (countsBy(column).size() >= distinct) {
        return true;
      }
      UnboundUpstream.sleep(20);
    }
    return false;
  }

  private void token(HttpExchange ex) throws IOException {
    String form = new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
    if (down) {
      ex.close();
      return;
    }
    boolean ok = form.contains("grant_type=client_credentials") && form.contains("scope=");
    String body = "{\"access_token\":\"" + TOKEN + "\",\"expires_in\":3600}";
    respond(ex, ok ? 200 : 400, ok ? body : "{\"error\":\"invalid_request\"}");
  }

  private void ingest(HttpExchange ex) throws IOException {
    byte[] body = readBody(ex);
    posts.incrementAndGet();
    if (down) {
      ex.close(); // no status line: the client sees the connection reset
      return;
    }
    Fault f = faults.poll();
    if (f != null && handled(ex, f)) {
      return;
    }
    if (!("Bearer " + TOKEN).equals(ex.getRequestHeaders().getFirst("Authorization"))) {
      respond(ex, 401, "{\"error\":\"InvalidToken\"}");
    } else if (!ex.getRequestURI().toString().contains("?api-version=2023-01-01")) {
      respond(ex, 400, "{\"error\":\"api-version\"}");
    } else if (body.length > maxBodyBytes) {
      respond(ex, 413, "{\"error\":\"ContentLengthLimitExceeded\"}");
    } else {
      JsonNode array = JSON.readTree(body);
      array.forEach(rows::add);
      respond(ex, 204, null);
    }
  }

  private boolean handled(HttpExchange ex, Fault f) throws IOException {
    if (f.resets()) {
      ex.close();
      return true;
    }
    UnboundUpstream.sleep(f.delayMillis());
    if (f.status() == 204) {
      return false;
    }
    f.headers().forEach((k, v) -> ex.getResponseHeaders().add(k, v));
    respond(ex, f.status(), "{\"error\":\"injected\"}");
    return true;
  }

  private static byte[] readBody(HttpExchange ex) throws IOException {
    InputStream in = ex.getRequestBody();
    if ("gzip".equals(ex.getRequestHeaders().getFirst("Content-Encoding"))) {
      in = new GZIPInputStream(in);
    }
    try (InputStream body = in) {
      return body.readAllBytes();
    }
  }

  private static void respond(HttpExchange ex, int status, String body) throws IOException {
    byte[] bytes = body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8);
    ex.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
    try (OutputStream out = ex.getResponseBody()) {
      out.write(bytes);
    }
  }

  @Override
  public void close() {
    server.stop(0);
    pool.shutdownNow();
  }
}

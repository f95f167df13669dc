package io.sinkhole.metrics;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Executors;

/**
 * The HTTP endpoint on the metrics address: {@code /metrics} (Prometheus text format), {@code
 * /healthz} (the process answers) and {@code /readyz} (feeds loaded, listeners bound, an upstream
 * answering). The JDK's HTTP server is enough for a scrape every few seconds and keeps a second
 * HTTP stack out of the jar.
 */
public final class MetricsServer implements AutoCloseable {
  private final HttpServer server;
  private final Map<String, Handler> posts = new LinkedHashMap<>();

  /** A POST action such as a reload; returns the response text. */
  public interface Handler {
    String handle() throws Exception;
  }

  static {
    // The JDK server has no request deadline by default: a client that sends its headers one
    // byte at a time would hold a worker forever. Seconds; read once, when the server class
    // loads, so they are set before the first HttpServer is made.
    System.setProperty("sun.net.httpserver.maxReqTime", "5");
    System.setProperty("sun.net.httpserver.maxRspTime", "30");
  }

  /**
   * Workers: a slow scrape, a running reload or a few clients that never finish their headers (each
   * held at most maxReqTime) must not hold up /healthz and /readyz.
   */
  private static final int THREADS = 16;

  public MetricsServer(InetSocketAddress address, SinkholeMetrics metrics, Readiness readiness)
      throws IOException {
    server = HttpServer.create(address, 16);
    server.setExecutor(Executors.newFixedThreadPool(THREADS, r -> daemon(r, "sinkhole-http")));
    server.createContext("/metrics", x -> send(x, 200, metrics.scrape(), contentType()));
    server.createContext("/healthz", x -> send(x, 200, "ok\n", "text/plain"));
    server.createContext("/readyz", x -> ready(x, readiness.report()));
    server.createContext("/admin/", this::admin);
  }

  /** Registers {@code POST /admin/<name>}. */
  public void onPost(String name, Handler handler) {
    posts.put("/admin/" + name, handler);
  }

  public void start() {
    server.start();
  }

  public InetSocketAddress address() {
    return server.getAddress();
  }

  private void admin(HttpExchange x) throws IOException {
    if (!x.getRemoteAddress().getAddress().isLoopbackAddress()) {
      // The metrics port is often published for Prometheus; actions that make Sinkhole do work
      // (reloads, downloads) are for the host's own operators only.
      send(x, 403, "admin actions are accepted from loopback only\n", "text/plain");
      return;
    }
    Handler h = posts.get(x.getRequestURI().getPath());
    if (h == null) {
      send(x, 404, "unknown admin action\n", "text/plain");
      return;
    }
    if (!"POST".equals(x.getRequestMethod())) {
      send(x, 405, "use POST\n", "text/plain");
      return;
    }
    try {
      send(x, 200, h.handle(), "text/plain");
    } catch (Exception e) {
      send(x, 500, e.getMessage() + "\n", "text/plain");
    }
  }

  private static void ready(HttpExchange x, Readiness.Report report) throws IOException {
    send(x, report.ready() ? 200 : 503, report.body(), "text/plain");
  }

  private static String contentType() {
    return "text/plain; version=0.0.4; charset=utf-8";
  }

  private static void send(HttpExchange x, int status, String body, String type)
      throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    x.getResponseHeaders().set("Content-Type", type);
    x.sendResponseHeaders(status, bytes.length);
    try (OutputStream out = x.getResponseBody()) {
      out.write(bytes);
    }
  }

  private static Thread daemon(Runnable r, String name) {
    Thread t = new Thread(r, name);
    t.setDaemon(true);
    return t;
  }

  @Override
  public void close() {
    server.stop(0);
  }
}

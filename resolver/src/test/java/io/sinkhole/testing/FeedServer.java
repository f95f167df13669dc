package io.sinkhole.testing;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A scripted HTTP feed server on 127.0.0.1 and an ephemeral port. It serves one body with an ETag
 * and a Last-Modified date, answers 304 to a request that presents them, or fails with a set
 * status. Every request's conditional headers are recorded.
 */
public final class FeedServer implements AutoCloseable {
  private static final String LAST_MODIFIED = "Sun, 12 Apr 2026 08:00:00 GMT";

  private final HttpServer server;
  private final List<String> requests = new CopyOnWriteArrayList<>();
  private volatile String body = "";
  private volatile int version;
  private volatile int failWith;
  private volatile long delayMillis;
  private volatile long trickleMillis;

  public FeedServer() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 8);
    server.createContext("/", this::handle);
    server.start();
  }

  /** The URL of a feed on this server. */
  public String url(String path) {
    return "http://127.0.0.1:" + server.getAddress().getPort() + path;
  }

  /** Serves {@code text} from now on, with a new ETag. */
  public FeedServer serve(String text) {
    body = text;
    version++;
    failWith = 0;
    return this;
  }

  /** Answers every request with {@code status} (such as 500) until {@link #serve} is called. */
  public FeedServer failWith(int status) {
    failWith = status;
    return this;
  }

  /** Waits this long before answering, to exercise timeouts. */
  public FeedServer delay(long millis) {
    delayMillis = millis;
    return this;
  }

  /** One line per request: its If-None-Match and If-Modified-Since values, "-" when absent. */
  /** Sends the headers at once and the body only after {@code millis} (a trickling server). */
  public FeedServer trickle(long millis) {
    trickleMillis = millis;
    return this;
  }

  public List<String> requests() {
    return List.copyOf(requests);
  }

  public String etag() {
    return "\"v" + version + "\"";
  }

  private void handle(HttpExchange x) throws IOException {
    String inm = x.getRequestHeaders().getFirst("If-None-Match");
    String ims = x.getRequestHeaders().getFirst("If-Modified-Since");
    requests.add((inm == null ? "-" : inm) + " " + (ims == null ? "-" : ims));
    UnboundUpstream.sleep(delayMillis);
    if (failWith != 0) {
      send(x, failWith, "<html>internal error</html>\n");
    } else if (etag().equals(inm)) {
      x.sendResponseHeaders(304, -1);
      x.close();
    } else {
      x.getResponseHeaders().set("ETag", etag());
      x.getResponseHeaders().set("Last-Modified", LAST_MODIFIED);
      if (trickleMillis > 0) {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        x.sendResponseHeaders(200, bytes.length);
        try (OutputStream out = x.getResponseBody()) {
          out.write(bytes, 0, 1);
          out.flush();
          UnboundUpstream.sleep(trickleMillis);
          out.write(bytes, 1, bytes.length - 1);
        } catch (IOException e) {
          // the client gave up, as it should
        }
        return;
      }
      send(x, 200, body);
    }
  }

  private static void send(HttpExchange x, int status, String text) throws IOException {
    byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
    x.sendResponseHeaders(status, bytes.length);
    try (OutputStream out = x.getResponseBody()) {
      out.write(bytes);
    }
  }

  @Override
  public void close() {
    server.stop(0);
  }
}

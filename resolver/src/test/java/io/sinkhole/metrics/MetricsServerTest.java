package io.sinkhole.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class MetricsServerTest {
  @Test
  void slowClientOnTheMetricsPort_doesNotHoldUpHealthChecks() throws Exception {
    MetricsServer server =
        new MetricsServer(
            new InetSocketAddress(InetAddress.getLoopbackAddress(), 0),
            new SinkholeMetrics(),
            new Readiness());
    server.start();
    int port = server.address().getPort();
    try (Socket slow = new Socket(InetAddress.getLoopbackAddress(), port)) {
      OutputStream out = slow.getOutputStream();
      // A request whose headers never end: the worker that took it waits for the rest.
      out.write("GET /metrics HTTP/1.1\r\nHost: x\r\n".getBytes(StandardCharsets.US_ASCII));
      out.flush();
      Thread.sleep(200);

      HttpResponse<String> health =
          HttpClient.newHttpClient()
              .send(
                  HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/healthz"))
                      .timeout(Duration.ofSeconds(2))
                      .build(),
                  HttpResponse.BodyHandlers.ofString());

      assertThat(health.statusCode()).isEqualTo(200);
    } finally {
      server.close();
    }
  }
}

package io.sinkhole.testing;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Sinkhole as a separate JVM ({@code java -cp <test classpath> io.sinkhole.Main}), for what only a
 * real process shows: signals and the exit status. The configuration is written to {@code dir};
 * listen and metrics ports are picked free on loopback.
 */
public final class ChildSinkhole implements AutoCloseable {
  private final Process process;
  private final Path log;
  private final Path events;
  private final InetSocketAddress dns;
  private final int metricsPort;

  private ChildSinkhole(Process p, Path log, Path events, InetSocketAddress dns, int metrics) {
    this.process = p;
    this.log = log;
    this.events = events;
    this.dns = dns;
    this.metricsPort = metrics;
  }

  /** Starts the process with {@code yaml} added to the generated keys, and waits until ready. */
  public static ChildSinkhole start(Path dir, String upstream, String yaml) throws Exception {
    InetAddress lo = InetAddress.getLoopbackAddress();
    InetSocketAddress dns = new InetSocketAddress(lo, UnboundUpstream.freePort());
    int metrics = UnboundUpstream.freePort();
    Path events = dir.resolve("events.jsonl");
    Path conf = dir.resolve("sinkhole.yaml");
    Files.writeString(
        conf,
        "listen: [\"127.0.0.1:"
            + dns.getPort()
            + "\"]\nthreads: 2\n"
            + "upstreams: [\""
            + upstream
            + "\"]\n"
            + "metrics:\n  listen: \"127.0.0.1:"
            + metrics
            + "\"\n"
            + "events:\n  file: \""
            + events
            + "\"\n  computer: \"child-host\"\n"
            + yaml);
    Path log = dir.resolve("sinkhole.log");
    Process p =
        new ProcessBuilder(command(conf))
            .redirectErrorStream(true)
            .redirectOutput(log.toFile())
            .start();
    ChildSinkhole child = new ChildSinkhole(p, log, events, dns, metrics);
    child.awaitReady();
    return child;
  }

  private static List<String> command(Path conf) {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    return List.of(
        java,
        "-XX:TieredStopAtLevel=1",
        "-cp",
        System.getProperty("java.class.path"),
        "io.sinkhole.Main",
        "--config",
        conf.toString());
  }

  private void awaitReady() throws Exception {
    long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    HttpClient http = HttpClient.newHttpClient();
    URI readyz = URI.create("http://127.0.0.1:" + metricsPort + "/readyz");
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw new IOException("sinkhole exited with " + process.exitValue() + ":\n" + log());
      }
      try {
        HttpRequest req = HttpRequest.newBuilder(readyz).timeout(Duration.ofSeconds(1)).build();
        if (http.send(req, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
          return;
        }
      } catch (IOException e) {
        // not listening yet
      }
      Thread.sleep(50);
    }
    close();
    throw new IOException("sinkhole not ready within 30 s:\n" + log());
  }

  public InetSocketAddress dns() {
    return dns;
  }

  public Process process() {
    return process;
  }

  public Path eventsFile() {
    return events;
  }

  /** Everything the process printed so far. */
  public String log() throws IOException {
    return Files.readString(log);
  }

  /** Waits until the log contains {@code text}; false after {@code timeout}. */
  public boolean awaitLog(String text, Duration timeout) throws Exception {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < deadline) {
      if (log().contains(text)) {
        return true;
      }
      Thread.sleep(10);
    }
    return false;
  }

  /** Stops the process by its PID if it is still running (SIGTERM, then SIGKILL). */
  @Override
  public void close() {
    if (!process.isAlive()) {
      return;
    }
    process.destroy();
    try {
      if (!process.waitFor(15, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      process.destroyForcibly();
    }
  }
}

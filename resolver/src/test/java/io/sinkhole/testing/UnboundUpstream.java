package io.sinkhole.testing;

import java.io.IOException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A real Unbound (Debian's package) on a loopback port, serving a small local zone, used as the
 * upstream in end-to-end tests. It never recurses: every name outside the zone is REFUSED
 * ("local-zone: . refuse"), so no test can send traffic beyond loopback.
 */
public final class UnboundUpstream implements AutoCloseable {
  /** The zone every test can query through the upstream. */
  public static final String ZONE = "zone.example";

  private final Process process;
  private final int port;
  private final Path dir;

  private UnboundUpstream(Process process, int port, Path dir) {
    this.process = process;
    this.port = port;
    this.dir = dir;
  }

  /** Starts Unbound with the default zone plus {@code extraLocalData} lines. */
  public static UnboundUpstream start(List<String> extraLocalData) throws IOException {
    return start(extraLocalData, List.of());
  }

  /**
   * Starts Unbound with extra local data and extra {@code server:} options such as {@code
   * max-udp-size: 4096}.
   */
  public static UnboundUpstream start(List<String> extraLocalData, List<String> serverOptions)
      throws IOException {
    Path dir = Files.createTempDirectory("unbound-test");
    IOException last = null;
    for (int attempt = 0; attempt < 5; attempt++) {
      int port = freePort();
      Path conf = dir.resolve("unbound.conf");
      Files.writeString(conf, config(port, dir, extraLocalData, serverOptions));
      Process p =
          new ProcessBuilder(unbound(), "-d", "-c", conf.toString())
              .redirectErrorStream(true)
              .redirectOutput(dir.resolve("unbound.log").toFile())
              .start();
      UnboundUpstream u = new UnboundUpstream(p, port, dir);
      try {
        u.awaitReady();
        return u;
      } catch (IOException e) {
        u.close();
        last = e;
      }
    }
    throw last;
  }

  public static UnboundUpstream start() throws IOException {
    return start(List.of());
  }

  private static String unbound() {
    Path sbin = Path.of("/usr/sbin/unbound");
    if (!Files.isExecutable(sbin)) {
      throw new IllegalStateException(
          "unbound is not installed: apt-get install unbound (.ci/run does this)");
    }
    return sbin.toString();
  }

  private static String config(int port, Path dir, List<String> extra, List<String> options) {
    StringBuilder s = new StringBuilder();
    s.append("server:\n");
    s.append("  interface: 127.0.0.1@").append(port).append('\n');
    s.append("  port: ").append(port).append('\n');
    s.append("  do-ip6: no\n  do-daemonize: no\n  use-syslog: no\n  verbosity: 1\n");
    s.append("  username: \"\"\n  chroot: \"\"\n  directory: \"").append(dir).append("\"\n");
    s.append("  pidfile: \"\"\n  module-config: \"iterator\"\n  num-threads: 1\n");
    s.append("  access-control: 127.0.0.0/8 allow\n");
    for (String option : options) {
      s.append("  ").append(option).append('\n');
    }
    s.append("  local-zone: \".\" refuse\n");
    s.append("  local-zone: \"").append(ZONE).append(".\" static\n");
    for (String rr : zoneData()) {
      s.append("  local-data: \"").append(rr).append("\"\n");
    }
    for (String rr : extra) {
      s.append("  local-data: \"").append(rr).append("\"\n");
    }
    s.append("remote-control:\n  control-enable: no\n");
    return s.toString();
  }

  /** Records of the test zone, in zone-file syntax. */
  public static List<String> zoneData() {
    return List.of(
        ZONE + ". 3600 IN SOA ns." + ZONE + ". admin." + ZONE + ". 1 3600 600 86400 300",
        "www." + ZONE + ". 300 IN A 192.0.2.10",
        "www." + ZONE + ". 300 IN AAAA 2001:db8::10",
        "mail." + ZONE + ". 300 IN MX 10 mx." + ZONE + ".",
        "mx." + ZONE + ". 300 IN A 192.0.2.25",
        "txt." + ZONE + ". 300 IN TXT \\\"hello from unbound\\\"",
        "alias." + ZONE + ". 300 IN CNAME www." + ZONE + ".");
  }

  private void awaitReady() throws IOException {
    long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw new IOException("unbound exited: " + Files.readString(dir.resolve("unbound.log")));
      }
      if (DnsProbe.answers(address(), "www." + ZONE)) {
        return;
      }
      sleep(50);
    }
    throw new IOException("unbound did not answer within 10 s");
  }

  public InetSocketAddress address() {
    return new InetSocketAddress(InetAddress.getLoopbackAddress(), port);
  }

  /** {@code 127.0.0.1:PORT}, as the configuration and --upstream take it. */
  public String hostPort() {
    return "127.0.0.1:" + port;
  }

  /** A loopback port free for both UDP and TCP at the time of the call. */
  public static int freePort() throws IOException {
    for (int i = 0; i < 20; i++) {
      try (ServerSocket tcp = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
        int port = tcp.getLocalPort();
        try (DatagramSocket udp =
            new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), port))) {
          return udp.getLocalPort();
        } catch (IOException e) {
          // taken for UDP; try another
        }
      }
    }
    throw new IOException("no free loopback port");
  }

  static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** Stops the process by its PID (TERM, then KILL). */
  @Override
  public void close() {
    process.destroy();
    try {
      if (!process.waitFor(5, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      process.destroyForcibly();
    }
  }
}

package io.sinkhole.upstream;

import io.sinkhole.metrics.SinkholeMetrics;
import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Asks every upstream a small question ({@code . IN NS}) on a timer and feeds the outcome into the
 * same health as forwarded queries. Without it, an idle instance would report ready behind a dead
 * upstream, and an upstream marked unhealthy would only recover when a client query happened to
 * reach it.
 *
 * <p>Any well-formed reply to the probe counts, whatever its RCODE: like {@link UpstreamClient},
 * this judges whether the upstream answers, not what it answers. Probes run on their own small
 * thread pool with blocking sockets, off the event loops.
 */
public final class UpstreamProbe implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(UpstreamProbe.class);
  private static final int HEADER = 12;

  /** {@code . IN NS} with RD set; bytes 0-1 (the ID) are filled in per probe. */
  private static final byte[] QUERY = {0, 0, 1, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 2, 0, 1};

  private final ScheduledExecutorService timer;
  private final SinkholeMetrics metrics;
  private final int timeoutMillis;

  private UpstreamProbe(int threads, int timeoutMillis, SinkholeMetrics metrics) {
    this.timer = Executors.newScheduledThreadPool(threads, UpstreamProbe::daemon);
    this.timeoutMillis = timeoutMillis;
    this.metrics = metrics;
  }

  /** Probes each of {@code upstreams} every {@code intervalMillis}, the first time right away. */
  public static UpstreamProbe start(
      Upstreams upstreams, long intervalMillis, int timeoutMillis, SinkholeMetrics metrics) {
    int threads = Math.min(upstreams.size(), 4);
    UpstreamProbe probe = new UpstreamProbe(threads, timeoutMillis, metrics);
    for (Upstream u : upstreams.all()) {
      probe.timer.scheduleWithFixedDelay(
          () -> probe.probe(u), 0, intervalMillis, TimeUnit.MILLISECONDS);
    }
    return probe;
  }

  private void probe(Upstream u) {
    boolean answered = answers(u.address(), timeoutMillis);
    if (answered) {
      u.success();
    } else {
      boolean wasHealthy = u.healthy();
      u.failure(System.nanoTime(), TimeUnit.MILLISECONDS.toNanos(timeoutMillis));
      if (wasHealthy && !u.healthy()) {
        LOG.warn("upstream {} does not answer probes; marked unhealthy", u.label());
      }
    }
    metrics.upstreamProbe(u.label(), answered);
  }

  /** Sends one probe and waits up to {@code timeoutMillis} for a matching reply. */
  static boolean answers(InetSocketAddress upstream, int timeoutMillis) {
    int id = ThreadLocalRandom.current().nextInt(65536);
    byte[] query = QUERY.clone();
    query[0] = (byte) (id >> 8);
    query[1] = (byte) id;
    long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMillis);
    // Connected: the kernel drops datagrams from other addresses (RFC 5452 section 9.1) and
    // reports ICMP port unreachable as an exception, so a closed port fails at once.
    try (DatagramSocket socket = new DatagramSocket()) {
      socket.connect(upstream);
      socket.send(new DatagramPacket(query, query.length));
      return awaitReply(socket, query, deadline);
    } catch (IOException e) {
      LOG.debug("probe of {} failed: {}", upstream, e.toString());
      return false;
    }
  }

  private static boolean awaitReply(DatagramSocket socket, byte[] query, long deadline)
      throws IOException {
    byte[] buf = new byte[512];
    while (true) {
      long left = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
      if (left <= 0) {
        return false;
      }
      socket.setSoTimeout((int) left);
      DatagramPacket reply = new DatagramPacket(buf, buf.length);
      try {
        socket.receive(reply);
      } catch (SocketTimeoutException e) {
        return false;
      }
      if (matches(query, buf, reply.getLength())) {
        return true;
      }
    }
  }

  /** Same ID, QR set, and the question echoed (RFC 5452 section 9.1). */
  private static boolean matches(byte[] query, byte[] reply, int length) {
    if (length < query.length || reply[0] != query[0] || reply[1] != query[1]) {
      return false;
    }
    if ((reply[2] & 0x80) == 0) {
      return false;
    }
    for (int i = HEADER; i < query.length; i++) {
      if (reply[i] != query[i]) {
        return false;
      }
    }
    return reply[4] == 0 && reply[5] == 1;
  }

  private static Thread daemon(Runnable r) {
    Thread t = new Thread(r, "sinkhole-probe");
    t.setDaemon(true);
    return t;
  }

  @Override
  public void close() {
    timer.shutdownNow();
  }
}

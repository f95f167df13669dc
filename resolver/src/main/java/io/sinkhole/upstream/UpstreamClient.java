package io.sinkhole.upstream;

import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.netty.channel.EventLoop;
import io.netty.channel.socket.DatagramChannel;
import io.sinkhole.config.SinkholeConfig;
import io.sinkhole.metrics.SinkholeMetrics;
import java.net.InetSocketAddress;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Forwards queries from one event loop to the upstreams and matches the replies.
 *
 * <p>RFC 5452 section 9: each question goes out with a random ID never reused while in flight, from
 * a socket picked at random from a small pool each bound to its own random port, and the reply must
 * come back on that socket, from that upstream, with that ID and the identical question. Identical
 * questions already in flight are merged. Upstreams are tried in order of health, each for {@code
 * timeout_ms}, within {@code deadline_ms} overall; the callback always runs, with an answer or a
 * failure, so a client never waits in silence.
 */
public final class UpstreamClient {
  private static final Logger LOG = LoggerFactory.getLogger(UpstreamClient.class);

  /** Clients waiting on one question; beyond this an identical question fails fast too. */
  static final int MAX_WAITERS = 256;

  /** A single upstream still gets a second try: one lost datagram should not mean SERVFAIL. */
  private static final int MIN_ATTEMPTS = 2;

  private final EventLoop loop;
  private final Upstreams upstreams;
  private final long timeoutNanos;
  private final long deadlineNanos;
  private final int maxInFlight;
  private final int socketCount;
  private final SinkholeMetrics metrics;
  private final Pending[] inFlight = new Pending[65536];
  private final Map<Object, Pending> byQuestion = new HashMap<>();
  private int inFlightCount;
  private UdpSockets sockets;

  public UpstreamClient(
      EventLoop loop,
      Upstreams upstreams,
      SinkholeConfig.Forwarding forwarding,
      SinkholeMetrics metrics) {
    this.loop = loop;
    this.upstreams = upstreams;
    this.timeoutNanos = TimeUnit.MILLISECONDS.toNanos(forwarding.timeoutMs());
    this.deadlineNanos = TimeUnit.MILLISECONDS.toNanos(forwarding.deadlineMs());
    this.maxInFlight = forwarding.maxInFlight();
    this.socketCount = forwarding.sockets();
    this.metrics = metrics;
  }

  /** Binds this client's sockets, each on a random local port; completes synchronously. */
  public void start(Class<? extends DatagramChannel> channelType, InetSocketAddress local)
      throws InterruptedException {
    sockets = new UdpSockets(loop, channelType, local, socketCount, this::onReply);
  }

  public void stop() {
    if (sockets != null) {
      sockets.close();
    }
  }

  /**
   * Forwards {@code query} (which this method now owns, releasing it after the callback has run)
   * and later calls {@code callback} on this client's event loop. Must be called on that loop.
   *
   * @param key identifies the question for merging (normalised name, type, class and the flags that
   *     change the answer); null never merges
   */
  public void forward(ByteBuf query, int questionEnd, Object key, UpstreamCallback callback) {
    Pending.Waiter w =
        new Pending.Waiter(query, query.getUnsignedShort(query.readerIndex()), callback);
    Pending joined = key == null ? null : byQuestion.get(key);
    if (joined != null && joined.waiters.size() < MAX_WAITERS) {
      joined.waiters.add(w);
      return;
    }
    if (joined != null || inFlightCount >= maxInFlight) {
      // Bounded work (issue #4): fail fast rather than queue behind a slow upstream.
      metrics.upstreamError("all", "overloaded");
      deliverFailure(List.of(w), "overloaded");
      return;
    }
    start(w, questionEnd, key);
  }

  private void start(Pending.Waiter w, int questionEnd, Object key) {
    long now = System.nanoTime();
    Pending p = new Pending(w.query(), questionEnd, key, now + deadlineNanos);
    p.waiters.add(w);
    p.upstreamIndex = upstreams.firstChoice(now);
    p.id = freeId();
    inFlight[p.id] = p;
    inFlightCount++;
    if (key != null) {
      byQuestion.put(key, p);
    }
    send(p);
  }

  private int freeId() {
    ThreadLocalRandom r = ThreadLocalRandom.current();
    while (true) {
      int id = r.nextInt(65536);
      if (inFlight[id] == null) {
        return id;
      }
    }
  }

  private void send(Pending p) {
    ByteBuf out = p.query.retainedDuplicate();
    out.setShort(out.readerIndex(), p.id);
    p.socket = sockets.pick();
    armTimer(p);
    sockets.send(p.socket, out, upstreams.get(p.upstreamIndex).address());
  }

  private void armTimer(Pending p) {
    if (p.timer != null) {
      p.timer.cancel(false);
    }
    p.sentNanos = System.nanoTime();
    long wait = Math.min(timeoutNanos, p.deadlineNanos - p.sentNanos);
    p.timer = loop.schedule(() -> timedOut(p), Math.max(wait, 1), TimeUnit.NANOSECONDS);
  }

  private void timedOut(Pending p) {
    if (inFlight[p.id] != p) {
      return;
    }
    failed(p, "timeout");
  }

  /** The current upstream failed this question: try the next one, or give up. */
  private void failed(Pending p, String reason) {
    Upstream u = upstreams.get(p.upstreamIndex);
    u.failure(System.nanoTime(), upstreams.probeIntervalNanos());
    metrics.upstreamError(u.label(), reason);
    closeTcp(p);
    p.attempt++;
    int attempts = Math.max(upstreams.size(), MIN_ATTEMPTS);
    if (p.attempt < attempts && System.nanoTime() < p.deadlineNanos) {
      p.upstreamIndex = upstreams.next(p.upstreamIndex);
      send(p);
      return;
    }
    complete(p);
    deliverFailure(p.waiters, reason);
  }

  private void complete(Pending p) {
    inFlight[p.id] = null;
    inFlightCount--;
    if (p.key != null) {
      byQuestion.remove(p.key, p);
    }
    p.timer.cancel(false);
    closeTcp(p);
  }

  private static void closeTcp(Pending p) {
    if (p.tcp != null) {
      p.tcp.close();
      p.tcp = null;
    }
  }

  /** A datagram arrived on socket {@code socket}; it is only believed if every check passes. */
  private void onReply(int socket, InetSocketAddress sender, ByteBuf reply) {
    int id = Replies.id(reply);
    Pending p = id < 0 ? null : inFlight[id];
    if (p == null || p.tcp != null) {
      LOG.debug("ignored unexpected upstream datagram from {}", sender);
      return;
    }
    Upstream u = upstreams.get(p.upstreamIndex);
    if (socket != p.socket || !u.address().equals(sender) || !Replies.sameQuestion(p, reply)) {
      // RFC 5452 section 9.1: a reply from elsewhere or for another question is a spoofing
      // attempt or a stale answer; ignore it and keep waiting for the real one.
      LOG.debug("ignored mismatched upstream reply from {}", sender);
      metrics.upstreamError(u.label(), "mismatch");
      return;
    }
    if (Replies.truncated(reply)) {
      retryOverTcp(p, u);
      return;
    }
    answered(p, u, reply.retain());
  }

  /** RFC 7766 section 5: a truncated answer is incomplete; ask the same upstream over TCP. */
  private void retryOverTcp(Pending p, Upstream u) {
    metrics.upstreamError(u.label(), "truncated");
    armTimer(p);
    ByteBuf out = p.query.retainedDuplicate();
    out.setShort(out.readerIndex(), p.id);
    Channel[] mine = new Channel[1];
    mine[0] =
        TcpRetry.send(
            loop,
            sockets.tcpType(),
            u.address(),
            out,
            reply -> onTcpReply(p, u, reply),
            () -> {
              // Only the connection still in use may fail the question; one closed after a
              // timeout (or replaced by a retry elsewhere) reports here too and is ignored.
              if (inFlight[p.id] == p && p.tcp != null && p.tcp == mine[0]) {
                failed(p, "tcp");
              }
            });
    p.tcp = mine[0];
  }

  private void onTcpReply(Pending p, Upstream u, ByteBuf reply) {
    boolean current = inFlight[p.id] == p && p.tcp != null;
    if (!current || Replies.id(reply) != p.id || !Replies.sameQuestion(p, reply)) {
      reply.release();
      if (current) {
        failed(p, "mismatch");
      }
      return;
    }
    if (Replies.truncated(reply)) {
      reply.release();
      failed(p, "truncated");
      return;
    }
    answered(p, u, reply);
  }

  private void answered(Pending p, Upstream u, ByteBuf reply) {
    complete(p);
    long rtt = System.nanoTime() - p.sentNanos;
    u.success();
    metrics.upstreamTimer(u.label()).record(rtt, TimeUnit.NANOSECONDS);
    Answers.deliver(p.waiters, reply, u.label());
  }

  private static void deliverFailure(List<Pending.Waiter> waiters, String reason) {
    for (Pending.Waiter w : waiters) {
      try {
        w.callback().failed(reason);
      } finally {
        w.query().release();
      }
    }
  }

  /** Upstreams as given; exposed for logging. */
  public List<Upstream> upstreams() {
    return upstreams.all();
  }
}

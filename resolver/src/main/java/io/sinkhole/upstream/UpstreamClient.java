package io.sinkhole.upstream;

import io.netty.bootstrap.Bootstrap;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.EventLoop;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.socket.DatagramChannel;
import io.netty.channel.socket.DatagramPacket;
import io.sinkhole.metrics.SinkholeMetrics;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Forwards queries from one event loop to the upstreams and matches the replies.
 *
 * <p>Upstreams are tried in order of health, each for {@code timeout}, within an overall deadline;
 * the ID sent upstream is random and never reused while in flight (RFC 5452 section 9.2), and the
 * reply must come from the address the query went to with the same question.
 */
public final class UpstreamClient {
  private static final Logger LOG = LoggerFactory.getLogger(UpstreamClient.class);
  private static final int HEADER = 12;

  private final EventLoop loop;
  private final Upstreams upstreams;
  private final long timeoutNanos;
  private final long deadlineNanos;
  private final SinkholeMetrics metrics;
  private final Pending[] inFlight = new Pending[65536];
  private int inFlightCount;
  private final int maxInFlight;
  private Channel channel;

  public UpstreamClient(
      EventLoop loop,
      Upstreams upstreams,
      long timeoutMillis,
      int maxInFlight,
      SinkholeMetrics metrics) {
    this.loop = loop;
    this.upstreams = upstreams;
    this.timeoutNanos = TimeUnit.MILLISECONDS.toNanos(timeoutMillis);
    this.deadlineNanos = timeoutNanos * Math.max(1, Math.min(upstreams.size(), 3));
    this.maxInFlight = maxInFlight;
    this.metrics = metrics;
  }

  /** Binds this client's socket on a random local port; completes synchronously. */
  public void start(Class<? extends DatagramChannel> channelType, InetSocketAddress local)
      throws InterruptedException {
    channel =
        new Bootstrap()
            .group(loop)
            .channel(channelType)
            .handler(new ReplyHandler())
            .bind(local)
            .sync()
            .channel();
  }

  public void stop() {
    if (channel != null) {
      channel.close().syncUninterruptibly();
    }
  }

  /**
   * Forwards {@code query} (which this method now owns, releasing it after the callback has run)
   * and later calls {@code callback} on this client's event loop. Must be called on that loop.
   */
  public void forward(ByteBuf query, int questionEnd, UpstreamCallback callback) {
    if (inFlightCount >= maxInFlight) {
      callback.failed("overloaded");
      query.release();
      return;
    }
    int clientId = query.getUnsignedShort(query.readerIndex());
    Pending p =
        new Pending(query, clientId, questionEnd, callback, System.nanoTime() + deadlineNanos);
    p.upstreamIndex = upstreams.firstChoice();
    int id = freeId();
    inFlight[id] = p;
    inFlightCount++;
    send(id, p);
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

  private void send(int id, Pending p) {
    ByteBuf out = p.query.retainedDuplicate();
    out.setShort(out.readerIndex(), id);
    Upstream u = upstreams.get(p.upstreamIndex);
    p.sentNanos = System.nanoTime();
    long wait = Math.min(timeoutNanos, p.deadlineNanos - p.sentNanos);
    p.timer = loop.schedule(() -> timedOut(id, p), Math.max(wait, 1), TimeUnit.NANOSECONDS);
    channel.writeAndFlush(new DatagramPacket(out, u.address()));
  }

  private void timedOut(int id, Pending p) {
    if (inFlight[id] != p) {
      return;
    }
    Upstream u = upstreams.get(p.upstreamIndex);
    u.failure();
    metrics.upstreamError(u.label(), "timeout");
    retryOrFail(id, p, "timeout");
  }

  private void retryOrFail(int id, Pending p, String reason) {
    p.attempt++;
    if (p.attempt < upstreams.size() && System.nanoTime() < p.deadlineNanos) {
      p.upstreamIndex = upstreams.next(p.upstreamIndex);
      send(id, p);
      return;
    }
    complete(id);
    p.callback.failed(reason);
    p.query.release();
  }

  private void complete(int id) {
    Pending p = inFlight[id];
    inFlight[id] = null;
    inFlightCount--;
    p.timer.cancel(false);
  }

  private void onReply(DatagramPacket packet) {
    ByteBuf reply = packet.content();
    if (reply.readableBytes() < HEADER) {
      return;
    }
    int id = reply.getUnsignedShort(reply.readerIndex());
    Pending p = inFlight[id];
    if (p == null) {
      return;
    }
    Upstream u = upstreams.get(p.upstreamIndex);
    if (!u.address().equals(packet.sender()) || !sameQuestion(p, reply)) {
      // RFC 5452 section 9.1: a reply from elsewhere or for another question is a spoofing
      // attempt or a stale answer; ignore it and keep waiting for the real one.
      LOG.debug("ignored mismatched upstream reply from {}", packet.sender());
      metrics.upstreamError(u.label(), "mismatch");
      return;
    }
    complete(id);
    u.success(System.nanoTime() - p.sentNanos);
    metrics.upstreamTimer(u.label()).record(System.nanoTime() - p.sentNanos, TimeUnit.NANOSECONDS);
    ByteBuf answer = reply.retain();
    answer.setShort(answer.readerIndex(), p.clientId);
    p.callback.answered(answer, u.label());
    p.query.release();
  }

  private static boolean sameQuestion(Pending p, ByteBuf reply) {
    int len = p.questionEnd - HEADER;
    if (reply.readableBytes() < p.questionEnd) {
      return false;
    }
    int q = p.query.readerIndex();
    int r = reply.readerIndex();
    return reply.getUnsignedShort(r + 4) == 1
        && ByteBufUtil.equals(p.query, q + HEADER, reply, r + HEADER, len);
  }

  private final class ReplyHandler extends SimpleChannelInboundHandler<DatagramPacket> {
    @Override
    protected void channelRead0(ChannelHandlerContext ctx, DatagramPacket packet) {
      onReply(packet);
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
      LOG.debug("upstream socket error: {}", cause.toString());
    }
  }

  /** Upstreams as given; exposed for logging. */
  public List<Upstream> upstreams() {
    return upstreams.all();
  }
}

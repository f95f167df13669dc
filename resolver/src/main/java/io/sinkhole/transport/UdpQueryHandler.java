package io.sinkhole.transport;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.socket.DatagramPacket;
import io.sinkhole.query.Exchange;
import io.sinkhole.upstream.UpstreamClient;
import io.sinkhole.wire.ClientAnswers;
import io.sinkhole.wire.LocalAnswers;
import io.sinkhole.wire.Query;
import java.net.InetSocketAddress;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Receives UDP queries and sends their answers from the same socket. One instance per socket: it
 * holds that socket's flush state.
 *
 * <p>Answers are written without a flush and flushed together, so that the epoll transport sends a
 * batch with one {@code sendmmsg} instead of one {@code sendmsg} each (issue #5): answers made
 * while a read batch is processed are flushed when the batch ends; answers that arrive later from
 * an upstream are flushed once after the event loop's current round of I/O.
 */
final class UdpQueryHandler extends SimpleChannelInboundHandler<DatagramPacket> {
  private static final Logger LOG = LoggerFactory.getLogger(UdpQueryHandler.class);

  private final QueryIntake intake;
  private final int payload;
  private final ReceiveClock clock = new ReceiveClock();
  private boolean reading;
  private boolean flushScheduled;

  /**
   * @param payload the largest UDP answer sent and the size advertised (RFC 6891 section 6.2.5)
   */
  UdpQueryHandler(QueryIntake intake, int payload) {
    this.intake = intake;
    this.payload = payload;
  }

  // The datagram being accepted, for the factory and the reply below: one object each per
  // handler instead of two capturing lambdas per datagram (issue #5). The intake calls both only
  // while accept() runs, on this handler's event loop.
  private ChannelHandlerContext currentCtx;
  private ByteBuf currentMessage;
  private InetSocketAddress currentClient;
  private final QueryIntake.ExchangeFactory factory =
      q -> new UdpExchange(currentCtx, currentMessage, q, currentClient, clock);
  private final Consumer<ByteBuf> reply =
      out -> write(currentCtx, new DatagramPacket(out, currentClient));

  @Override
  protected void channelRead0(ChannelHandlerContext ctx, DatagramPacket packet) {
    ByteBuf message = packet.content();
    InetSocketAddress client = packet.sender();
    currentCtx = ctx;
    currentMessage = message;
    currentClient = client;
    try {
      intake.accept(message, ctx.alloc(), client, false, clock.nanos(), factory, reply);
    } finally {
      currentMessage = null;
      currentClient = null;
    }
  }

  @Override
  public void channelRead(ChannelHandlerContext ctx, Object msg) throws Exception {
    if (!reading) {
      clock.mark();
    }
    reading = true;
    super.channelRead(ctx, msg);
  }

  @Override
  public void channelReadComplete(ChannelHandlerContext ctx) {
    reading = false;
    ctx.flush();
    ctx.fireChannelReadComplete();
  }

  /** Runs on the channel's event loop, like every call into this handler. */
  private void write(ChannelHandlerContext ctx, DatagramPacket answer) {
    ctx.write(answer, ctx.voidPromise());
    if (reading || flushScheduled) {
      return;
    }
    flushScheduled = true;
    ctx.channel()
        .eventLoop()
        .execute(
            () -> {
              flushScheduled = false;
              ctx.flush();
            });
  }

  @Override
  public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
    // A UDP socket error concerns one datagram; the listener must keep serving.
    LOG.debug("udp listener error: {}", cause.toString());
  }

  private final class UdpExchange extends Exchange {
    private final ChannelHandlerContext ctx;

    UdpExchange(
        ChannelHandlerContext ctx,
        ByteBuf message,
        Query q,
        InetSocketAddress client,
        ReceiveClock clock) {
      super(message, q, client, clock.nanos(), clock.millis());
      this.ctx = ctx;
    }

    @Override
    public boolean tcp() {
      return false;
    }

    @Override
    public int maxAnswerSize() {
      Query q = query();
      // RFC 6891 section 6.2.3 and 6.2.5: without EDNS the limit is 512; with it, the client's
      // size, never more than our clamp, never less than 512.
      return q.edns() ? Math.min(q.udpPayload(), payload) : 512;
    }

    @Override
    public ByteBufAllocator alloc() {
      return ctx.alloc();
    }

    @Override
    public UpstreamClient upstream() {
      return intake.upstreamFor(ctx.channel().eventLoop());
    }

    /**
     * Scanning an answer we wrote ourselves found nothing to change, as long as it fits and carries
     * the payload size this listener advertises: on the blocked workload the scan was a visible
     * share of the answering thread (issue #5).
     */
    @Override
    public void sendMade(ByteBuf answer) {
      if (payload == LocalAnswers.OUR_UDP_PAYLOAD && answer.readableBytes() <= maxAnswerSize()) {
        write(ctx, new DatagramPacket(answer, client()));
      } else {
        send(answer);
      }
    }

    @Override
    public void send(ByteBuf answer) {
      ByteBuf out =
          ClientAnswers.prepare(
              answer, message(), query(), maxAnswerSize(), payload, ctx.alloc(), answerLayout());
      write(ctx, new DatagramPacket(out, client()));
    }
  }
}

package io.sinkhole.transport;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.timeout.IdleStateEvent;
import io.sinkhole.query.Exchange;
import io.sinkhole.upstream.UpstreamClient;
import io.sinkhole.wire.ClientAnswers;
import io.sinkhole.wire.Query;
import java.net.InetSocketAddress;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Receives length-framed queries on one TCP connection. Queries are processed as they arrive, so
 * several pipelined queries are answered independently, each under its own ID and possibly out of
 * order (RFC 7766 section 6.2.1.1).
 *
 * <p>A client may pipeline without limit, so at {@code maxInFlight} unanswered queries the handler
 * stops reading from the socket (autoRead off) and resumes when answers have drained: TCP flow
 * control then pushes back on the client instead of Sinkhole buffering its queries.
 */
final class TcpQueryHandler extends SimpleChannelInboundHandler<ByteBuf> {
  private static final Logger LOG = LoggerFactory.getLogger(TcpQueryHandler.class);
  private static final int TCP_PAYLOAD = 65535;

  /** Answers queued beyond the high water mark before the connection is closed. */
  static final long MAX_UNREAD_BYTES = 1 << 20;

  private final QueryIntake intake;
  private final int maxInFlight;
  private final int payload;
  private final ReceiveClock clock = new ReceiveClock();

  /** Exchanges created and not yet answered; touched only on this channel's event loop. */
  private int inFlight;

  /**
   * @param payload the UDP payload size advertised in OPT records, over TCP too
   */
  TcpQueryHandler(QueryIntake intake, int maxInFlight, int payload) {
    this.intake = intake;
    this.maxInFlight = maxInFlight;
    this.payload = payload;
  }

  @Override
  protected void channelRead0(ChannelHandlerContext ctx, ByteBuf message) {
    InetSocketAddress client = (InetSocketAddress) ctx.channel().remoteAddress();
    clock.mark();
    intake.accept(
        message,
        ctx.alloc(),
        client,
        true,
        clock.nanos(),
        q -> new TcpExchange(ctx, message, q, client, clock),
        ctx::writeAndFlush);
  }

  int inFlight() {
    return inFlight;
  }

  private void started(ChannelHandlerContext ctx) {
    inFlight++;
    updateReading(ctx);
  }

  private void answered(ChannelHandlerContext ctx) {
    inFlight--;
    updateReading(ctx);
  }

  /**
   * Reads only while answers are flowing: below the in-flight limit and while the client takes what
   * was written (the channel's write-buffer high water mark). A client that pipelines without
   * reading its answers is then held back by TCP flow control instead of by our memory.
   */
  private void updateReading(ChannelHandlerContext ctx) {
    boolean read = inFlight < maxInFlight && ctx.channel().isWritable();
    if (ctx.channel().config().isAutoRead() != read) {
      ctx.channel().config().setAutoRead(read);
    }
  }

  @Override
  public void channelWritabilityChanged(ChannelHandlerContext ctx) throws Exception {
    updateReading(ctx);
    super.channelWritabilityChanged(ctx);
  }

  @Override
  public void userEventTriggered(ChannelHandlerContext ctx, Object evt) throws Exception {
    if (evt instanceof IdleStateEvent) {
      // RFC 7766 section 6.2.3: servers close idle connections to free resources.
      ctx.close();
      return;
    }
    super.userEventTriggered(ctx, evt);
  }

  @Override
  public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
    LOG.debug("tcp connection error from {}: {}", ctx.channel().remoteAddress(), cause.toString());
    ctx.close();
  }

  private final class TcpExchange extends Exchange {
    private final ChannelHandlerContext ctx;

    TcpExchange(
        ChannelHandlerContext ctx,
        ByteBuf message,
        Query q,
        InetSocketAddress client,
        ReceiveClock clock) {
      super(message, q, client, clock.nanos(), clock.millis());
      this.ctx = ctx;
      started(ctx);
    }

    @Override
    public boolean tcp() {
      return true;
    }

    @Override
    public int maxAnswerSize() {
      return TCP_PAYLOAD;
    }

    @Override
    public ByteBufAllocator alloc() {
      return ctx.alloc();
    }

    @Override
    public UpstreamClient upstream() {
      return intake.upstreamFor(ctx.channel().eventLoop());
    }

    @Override
    public void send(ByteBuf answer) {
      answered(ctx);
      ByteBuf out =
          ClientAnswers.prepare(
              answer, message(), query(), TCP_PAYLOAD, payload, ctx.alloc(), answerLayout());
      if (!ctx.channel().isActive()) {
        out.release();
      } else if (ctx.channel().bytesBeforeWritable() > MAX_UNREAD_BYTES) {
        // Queries already read keep producing answers after reading stopped; a client that
        // takes none of them is not served at the cost of unbounded buffers.
        out.release();
        ctx.close();
      } else {
        ctx.writeAndFlush(out);
      }
    }
  }
}

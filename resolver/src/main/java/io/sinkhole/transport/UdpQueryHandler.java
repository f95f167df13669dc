package io.sinkhole.transport;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.socket.DatagramPacket;
import io.sinkhole.query.Exchange;
import io.sinkhole.upstream.UpstreamClient;
import io.sinkhole.wire.ClientAnswers;
import io.sinkhole.wire.Query;
import java.net.InetSocketAddress;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Receives UDP queries and sends their answers from the same socket. */
@ChannelHandler.Sharable
final class UdpQueryHandler extends SimpleChannelInboundHandler<DatagramPacket> {
  private static final Logger LOG = LoggerFactory.getLogger(UdpQueryHandler.class);

  private final QueryIntake intake;
  private final int payload;

  /**
   * @param payload the largest UDP answer sent and the size advertised (RFC 6891 section 6.2.5)
   */
  UdpQueryHandler(QueryIntake intake, int payload) {
    this.intake = intake;
    this.payload = payload;
  }

  @Override
  protected void channelRead0(ChannelHandlerContext ctx, DatagramPacket packet) {
    ByteBuf message = packet.content();
    InetSocketAddress client = packet.sender();
    intake.accept(
        message,
        ctx.alloc(),
        client,
        false,
        q -> new UdpExchange(ctx, message, q, client),
        out -> ctx.writeAndFlush(new DatagramPacket(out, client)));
  }

  @Override
  public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
    // A UDP socket error concerns one datagram; the listener must keep serving.
    LOG.debug("udp listener error: {}", cause.toString());
  }

  private final class UdpExchange extends Exchange {
    private final ChannelHandlerContext ctx;

    UdpExchange(ChannelHandlerContext ctx, ByteBuf message, Query q, InetSocketAddress client) {
      super(message, q, client);
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

    @Override
    public void send(ByteBuf answer) {
      ByteBuf out =
          ClientAnswers.prepare(answer, message(), query(), maxAnswerSize(), payload, ctx.alloc());
      ctx.writeAndFlush(new DatagramPacket(out, client()));
    }
  }
}

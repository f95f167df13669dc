package io.sinkhole.upstream;

import io.netty.bootstrap.Bootstrap;
import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.EventLoop;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.handler.codec.LengthFieldBasedFrameDecoder;
import io.netty.handler.codec.LengthFieldPrepender;
import java.net.InetSocketAddress;
import java.util.function.Consumer;

/**
 * Asks the same upstream again over TCP after it answered with TC=1 (RFC 7766 section 5, RFC 1035
 * section 4.2.2 framing). One connection per retry: truncation is rare behind a 1232-byte EDNS
 * buffer, and a fresh connection has no state to get wrong.
 */
final class TcpRetry {
  private TcpRetry() {}

  /**
   * Connects on {@code loop}, sends {@code query} (which this call takes), and calls {@code reply}
   * with the first framed message (the callee releases it) or {@code failed} if the connection ends
   * first. The returned channel is closed by the caller when it gives up.
   */
  static Channel send(
      EventLoop loop,
      Class<? extends SocketChannel> type,
      InetSocketAddress upstream,
      ByteBuf query,
      Consumer<ByteBuf> reply,
      Runnable failed) {
    ChannelFuture f =
        new Bootstrap()
            .group(loop)
            .channel(type)
            .handler(
                new ChannelInitializer<SocketChannel>() {
                  @Override
                  protected void initChannel(SocketChannel ch) {
                    ch.pipeline()
                        .addLast(new LengthFieldBasedFrameDecoder(65535, 0, 2, 0, 2))
                        .addLast(new LengthFieldPrepender(2))
                        .addLast(new OneReply(reply, failed));
                  }
                })
            .connect(upstream);
    f.addListener(
        done -> {
          if (done.isSuccess()) {
            f.channel().writeAndFlush(query);
          } else {
            query.release();
            failed.run();
          }
        });
    return f.channel();
  }

  /** Hands on the first message and closes; reports a connection that ends without one. */
  private static final class OneReply extends SimpleChannelInboundHandler<ByteBuf> {
    private final Consumer<ByteBuf> reply;
    private final Runnable failed;
    private boolean done;

    OneReply(Consumer<ByteBuf> reply, Runnable failed) {
      this.reply = reply;
      this.failed = failed;
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, ByteBuf msg) {
      if (!done) {
        done = true;
        ctx.close();
        reply.accept(msg.retain());
      }
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
      if (!done) {
        done = true;
        failed.run();
      }
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
      ctx.close();
    }
  }
}

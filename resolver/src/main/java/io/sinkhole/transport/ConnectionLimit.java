package io.sinkhole.transport;

import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.sinkhole.metrics.SinkholeMetrics;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Closes TCP connections beyond a fixed number open at once (RFC 7766 section 6.2.2: servers should
 * limit connections so that one client cannot take them all). Shared by every connection.
 */
@ChannelHandler.Sharable
final class ConnectionLimit extends ChannelInboundHandlerAdapter {
  private final AtomicInteger open = new AtomicInteger();
  private final int max;
  private final SinkholeMetrics metrics;

  ConnectionLimit(int max, SinkholeMetrics metrics) {
    this.max = max;
    this.metrics = metrics;
  }

  @Override
  public void channelActive(ChannelHandlerContext ctx) throws Exception {
    if (open.incrementAndGet() > max) {
      metrics
          .counter(
              "sinkhole.tcp.connections.rejected",
              "TCP connections closed on accept because the connection limit was reached")
          .increment();
      ctx.close();
      return;
    }
    super.channelActive(ctx);
  }

  @Override
  public void channelInactive(ChannelHandlerContext ctx) throws Exception {
    open.decrementAndGet();
    super.channelInactive(ctx);
  }

  int open() {
    return open.get();
  }
}

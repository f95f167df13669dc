package io.sinkhole.transport;

import io.netty.bootstrap.Bootstrap;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoop;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.ServerChannel;
import io.netty.channel.epoll.EpollChannelOption;
import io.netty.channel.group.ChannelGroup;
import io.netty.channel.group.DefaultChannelGroup;
import io.netty.channel.socket.SocketChannel;
import io.netty.handler.codec.LengthFieldBasedFrameDecoder;
import io.netty.handler.codec.LengthFieldPrepender;
import io.netty.handler.timeout.IdleStateHandler;
import io.netty.util.concurrent.EventExecutor;
import io.netty.util.concurrent.GlobalEventExecutor;
import io.sinkhole.metrics.SinkholeMetrics;
import io.sinkhole.query.QueryProcessor;
import io.sinkhole.upstream.UpstreamClient;
import io.sinkhole.upstream.Upstreams;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Binds UDP and TCP on every listen address. With epoll, each event loop gets its own UDP socket on
 * the same port (SO_REUSEPORT) so the kernel spreads queries across cores; each loop also has its
 * own upstream client, so a query never changes threads.
 */
public final class DnsServer implements AutoCloseable {
  private static final int TCP_IDLE_SECONDS = 10;

  private final EventLoopGroup group;
  private final Map<EventLoop, UpstreamClient> upstreamClients = new IdentityHashMap<>();
  private final List<Channel> channels = new ArrayList<>();
  private final List<InetSocketAddress> bound = new ArrayList<>();
  private final ChannelGroup tcpConnections = new DefaultChannelGroup(GlobalEventExecutor.INSTANCE);
  private final QueryIntake intake;
  private final int threads;

  public DnsServer(
      int threads,
      Upstreams upstreams,
      long upstreamTimeoutMillis,
      QueryProcessor processor,
      SinkholeMetrics metrics)
      throws InterruptedException {
    this.threads = threads;
    this.group = Transports.group(threads, "sinkhole-dns");
    for (EventExecutor e : group) {
      EventLoop loop = (EventLoop) e;
      UpstreamClient c = new UpstreamClient(loop, upstreams, upstreamTimeoutMillis, 4096, metrics);
      c.start(Transports.datagram(), new InetSocketAddress(0));
      upstreamClients.put(loop, c);
    }
    this.intake = new QueryIntake(processor, metrics, upstreamClients);
  }

  /** Binds UDP then TCP on {@code address}; returns the address actually bound. */
  public InetSocketAddress bind(InetSocketAddress address) throws InterruptedException {
    UdpQueryHandler udp = new UdpQueryHandler(intake);
    int sockets = Transports.epoll() ? threads : 1;
    InetSocketAddress actual = address;
    for (int i = 0; i < sockets; i++) {
      Bootstrap b =
          new Bootstrap()
              .group(group)
              .channel(Transports.datagram())
              .option(ChannelOption.SO_RCVBUF, 4 << 20)
              .handler(udp);
      if (Transports.epoll()) {
        b.option(EpollChannelOption.SO_REUSEPORT, true);
      }
      Channel ch = b.bind(actual).sync().channel();
      channels.add(ch);
      actual = (InetSocketAddress) ch.localAddress();
    }
    channels.add(tcpBootstrap().bind(actual).sync().channel());
    bound.add(actual);
    return actual;
  }

  private ServerBootstrap tcpBootstrap() {
    return new ServerBootstrap()
        .group(group)
        .channel(Transports.server())
        .option(ChannelOption.SO_BACKLOG, 1024)
        .childHandler(
            new ChannelInitializer<SocketChannel>() {
              @Override
              protected void initChannel(SocketChannel ch) {
                tcpConnections.add(ch);
                ch.pipeline()
                    .addLast(new IdleStateHandler(TCP_IDLE_SECONDS, 0, 0, TimeUnit.SECONDS))
                    .addLast(new LengthFieldBasedFrameDecoder(65535, 0, 2, 0, 2))
                    .addLast(new LengthFieldPrepender(2))
                    .addLast(new TcpQueryHandler(intake));
              }
            });
  }

  public List<InetSocketAddress> boundAddresses() {
    return List.copyOf(bound);
  }

  /**
   * Takes no new queries while answers to those in flight still go out: UDP sockets stay open but
   * stop reading (what arrives now is dropped at close and the client retries elsewhere), the TCP
   * listeners close, and open TCP connections stop reading. For graceful shutdown.
   */
  public void stopAccepting() {
    intake.stopAccepting();
    for (Channel ch : channels) {
      if (ch instanceof ServerChannel) {
        ch.close().syncUninterruptibly();
      } else {
        ch.config().setAutoRead(false);
      }
    }
    tcpConnections.forEach(ch -> ch.config().setAutoRead(false));
  }

  @Override
  public void close() {
    for (Channel ch : channels) {
      ch.close().syncUninterruptibly();
    }
    upstreamClients.values().forEach(UpstreamClient::stop);
    group.shutdownGracefully(0, 2, TimeUnit.SECONDS).syncUninterruptibly();
  }
}

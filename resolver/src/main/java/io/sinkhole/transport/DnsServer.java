package io.sinkhole.transport;

import io.netty.bootstrap.Bootstrap;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoop;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.FixedRecvByteBufAllocator;
import io.netty.channel.ServerChannel;
import io.netty.channel.WriteBufferWaterMark;
import io.netty.channel.epoll.EpollChannelOption;
import io.netty.channel.group.ChannelGroup;
import io.netty.channel.group.DefaultChannelGroup;
import io.netty.channel.socket.SocketChannel;
import io.netty.handler.codec.LengthFieldBasedFrameDecoder;
import io.netty.handler.codec.LengthFieldPrepender;
import io.netty.handler.timeout.IdleStateHandler;
import io.netty.util.concurrent.EventExecutor;
import io.netty.util.concurrent.GlobalEventExecutor;
import io.sinkhole.access.AccessList;
import io.sinkhole.config.RateLimit;
import io.sinkhole.config.SinkholeConfig;
import io.sinkhole.config.Tcp;
import io.sinkhole.event.EventPipeline;
import io.sinkhole.metrics.SinkholeMetrics;
import io.sinkhole.query.QueryProcessor;
import io.sinkhole.ratelimit.RateLimiter;
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
  /** The largest query read, as Netty's default datagram buffer allowed before. */
  private static final int MAX_QUERY = 2048;

  private static final int READ_BATCH = 16;

  private final EventLoopGroup group;
  private final Map<EventLoop, UpstreamClient> upstreamClients = new IdentityHashMap<>();
  private final List<Channel> channels = new ArrayList<>();
  private final List<InetSocketAddress> bound = new ArrayList<>();
  private final ChannelGroup tcpConnections = new DefaultChannelGroup(GlobalEventExecutor.INSTANCE);
  private final QueryIntake intake;
  private final int threads;
  private final SinkholeConfig config;
  private final ConnectionLimit connectionLimit;

  /**
   * @param events receives rows for queries refused by the access list; may be null
   */
  public DnsServer(
      SinkholeConfig config,
      Upstreams upstreams,
      QueryProcessor processor,
      EventPipeline events,
      SinkholeMetrics metrics)
      throws InterruptedException {
    this.config = config;
    this.threads = config.threads();
    this.group = Transports.group(threads, "sinkhole-dns");
    for (EventExecutor e : group) {
      EventLoop loop = (EventLoop) e;
      UpstreamClient c = new UpstreamClient(loop, upstreams, config.forwarding(), metrics);
      c.start(Transports.datagram(), new InetSocketAddress(0));
      upstreamClients.put(loop, c);
    }
    RateLimit rl = config.rateLimit();
    this.intake =
        new QueryIntake(
            processor::process,
            AccessList.of(config.access().allow()),
            rl.enabled() ? new RateLimiter(rl) : null,
            new IntakeRecorder(metrics, events),
            upstreamClients);
    this.connectionLimit = new ConnectionLimit(config.tcp().maxConnections(), metrics);
  }

  /** Binds UDP then TCP on {@code address}; returns the address actually bound. */
  public InetSocketAddress bind(InetSocketAddress address) throws InterruptedException {
    int sockets = Transports.epoll() ? threads : 1;
    InetSocketAddress actual = address;
    for (int i = 0; i < sockets; i++) {
      Bootstrap b =
          new Bootstrap()
              .group(group)
              .channel(Transports.datagram())
              .option(ChannelOption.SO_RCVBUF, 4 << 20)
              .handler(new UdpQueryHandler(intake, config.edns().udpPayload()));
      if (Transports.epoll()) {
        b.option(EpollChannelOption.SO_REUSEPORT, true);
        // recvmmsg: one system call reads up to BATCH datagrams of at most MAX_QUERY bytes each,
        // the limit a single read had before (issue #5).
        b.option(EpollChannelOption.MAX_DATAGRAM_PAYLOAD_SIZE, MAX_QUERY)
            .option(
                ChannelOption.RECVBUF_ALLOCATOR,
                new FixedRecvByteBufAllocator(MAX_QUERY * READ_BATCH));
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
    Tcp tcp = config.tcp();
    int payload = config.edns().udpPayload();
    return new ServerBootstrap()
        .group(group)
        .channel(Transports.server())
        .option(ChannelOption.SO_BACKLOG, 1024)
        .childOption(
            ChannelOption.WRITE_BUFFER_WATER_MARK, new WriteBufferWaterMark(32 << 10, 64 << 10))
        .childHandler(
            new ChannelInitializer<SocketChannel>() {
              @Override
              protected void initChannel(SocketChannel ch) {
                tcpConnections.add(ch);
                // Idle means no complete query read and no answer written (RFC 7766 section
                // 6.2.3): the idle handler sits after the framer, so a client trickling one byte
                // at a time (slowloris) is idle, while one waiting on a slow upstream is not cut.
                ch.pipeline()
                    .addLast(connectionLimit)
                    .addLast(new LengthFieldBasedFrameDecoder(65535, 0, 2, 0, 2))
                    .addLast(new LengthFieldPrepender(2))
                    .addLast(new IdleStateHandler(0, 0, tcp.idleTimeoutMs(), TimeUnit.MILLISECONDS))
                    .addLast(new TcpQueryHandler(intake, tcp.maxQueriesPerConnection(), payload));
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

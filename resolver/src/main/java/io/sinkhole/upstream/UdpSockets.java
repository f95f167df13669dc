package io.sinkhole.upstream;

import io.netty.bootstrap.Bootstrap;
import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoop;
import io.netty.channel.FixedRecvByteBufAllocator;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.epoll.EpollDatagramChannel;
import io.netty.channel.epoll.EpollSocketChannel;
import io.netty.channel.socket.DatagramChannel;
import io.netty.channel.socket.DatagramPacket;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import java.net.InetSocketAddress;
import java.util.concurrent.ThreadLocalRandom;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The upstream-facing UDP sockets of one event loop. Each is bound to port 0, for which Linux picks
 * a random ephemeral port, and every query picks one of them at random: an off-path attacker must
 * guess the port as well as the ID (RFC 5452 section 9.2), and each reply is tied to its socket.
 */
final class UdpSockets {
  /** The largest UDP payload there is (RFC 6891 section 6.2.5 caps it at 65535). */
  static final int MAX_DATAGRAM = 65535;

  private static final Logger LOG = LoggerFactory.getLogger(UdpSockets.class);

  /** Receives a datagram that arrived on socket {@code index}; the buffer is released after. */
  interface Receiver {
    void receive(int index, InetSocketAddress sender, ByteBuf content);
  }

  private final Channel[] channels;
  private final Class<? extends SocketChannel> tcpType;

  UdpSockets(
      EventLoop loop,
      Class<? extends DatagramChannel> type,
      InetSocketAddress local,
      int count,
      Receiver receiver)
      throws InterruptedException {
    channels = new Channel[count];
    tcpType =
        type == EpollDatagramChannel.class ? EpollSocketChannel.class : NioSocketChannel.class;
    for (int i = 0; i < count; i++) {
      channels[i] =
          new Bootstrap()
              .group(loop)
              .channel(type)
              // Netty reads datagrams into 2048-byte buffers by default and cuts anything
              // longer; an upstream may answer up to the payload size the client advertised.
              .option(ChannelOption.RECVBUF_ALLOCATOR, new FixedRecvByteBufAllocator(MAX_DATAGRAM))
              .handler(new Handler(i, receiver))
              .bind(local)
              .sync()
              .channel();
    }
  }

  int pick() {
    return channels.length == 1 ? 0 : ThreadLocalRandom.current().nextInt(channels.length);
  }

  void send(int index, ByteBuf out, InetSocketAddress to) {
    channels[index].writeAndFlush(new DatagramPacket(out, to));
  }

  /** The TCP channel type matching the datagram transport, for retries after truncation. */
  Class<? extends SocketChannel> tcpType() {
    return tcpType;
  }

  void close() {
    for (Channel ch : channels) {
      if (ch != null) {
        ch.close().syncUninterruptibly();
      }
    }
  }

  private static final class Handler extends SimpleChannelInboundHandler<DatagramPacket> {
    private final int index;
    private final Receiver receiver;

    Handler(int index, Receiver receiver) {
      this.index = index;
      this.receiver = receiver;
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, DatagramPacket packet) {
      receiver.receive(index, packet.sender(), packet.content());
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
      LOG.debug("upstream socket error: {}", cause.toString());
    }
  }
}

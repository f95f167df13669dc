package io.sinkhole.transport;

import io.netty.channel.EventLoopGroup;
import io.netty.channel.IoHandlerFactory;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.ServerChannel;
import io.netty.channel.epoll.Epoll;
import io.netty.channel.epoll.EpollDatagramChannel;
import io.netty.channel.epoll.EpollIoHandler;
import io.netty.channel.epoll.EpollServerSocketChannel;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.DatagramChannel;
import io.netty.channel.socket.nio.NioDatagramChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.util.concurrent.DefaultThreadFactory;

/** Chooses native epoll when it loads, NIO otherwise, and says which in the startup log. */
public final class Transports {
  private Transports() {}

  public static boolean epoll() {
    return Epoll.isAvailable();
  }

  public static String name() {
    return epoll() ? "epoll" : "nio";
  }

  public static EventLoopGroup group(int threads, String name) {
    IoHandlerFactory io = epoll() ? EpollIoHandler.newFactory() : NioIoHandler.newFactory();
    return new MultiThreadIoEventLoopGroup(threads, new DefaultThreadFactory(name, true), io);
  }

  public static Class<? extends DatagramChannel> datagram() {
    return epoll() ? EpollDatagramChannel.class : NioDatagramChannel.class;
  }

  public static Class<? extends ServerChannel> server() {
    return epoll() ? EpollServerSocketChannel.class : NioServerSocketChannel.class;
  }
}

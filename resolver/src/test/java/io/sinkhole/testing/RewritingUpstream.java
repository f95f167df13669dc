package io.sinkhole.testing;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketException;
import java.util.function.UnaryOperator;
import org.xbill.DNS.Message;

/**
 * A fake upstream on a loopback UDP port whose answers a test scripts: each query (parsed by
 * dnsjava) goes to the script, and whatever it returns is sent back, as is, to the sender.
 */
public final class RewritingUpstream implements AutoCloseable {
  private final DatagramSocket socket;
  private final Thread thread;
  private final UnaryOperator<Message> script;

  private RewritingUpstream(DatagramSocket socket, UnaryOperator<Message> script) {
    this.socket = socket;
    this.script = script;
    this.thread = new Thread(this::serve, "scripted-upstream");
    thread.setDaemon(true);
  }

  /** Starts answering with {@code script}; a null result means no answer. */
  public static RewritingUpstream start(UnaryOperator<Message> script) throws SocketException {
    DatagramSocket s =
        new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
    RewritingUpstream u = new RewritingUpstream(s, script);
    u.thread.start();
    return u;
  }

  private void serve() {
    byte[] buf = new byte[65535];
    while (!socket.isClosed()) {
      try {
        DatagramPacket p = new DatagramPacket(buf, buf.length);
        socket.receive(p);
        Message query = new Message(java.util.Arrays.copyOf(p.getData(), p.getLength()));
        Message answer = script.apply(query);
        if (answer != null) {
          byte[] wire = answer.toWire();
          socket.send(new DatagramPacket(wire, wire.length, p.getSocketAddress()));
        }
      } catch (IOException e) {
        // closed, or a query the script could not handle: keep serving until closed
      }
    }
  }

  public String hostPort() {
    return "127.0.0.1:" + socket.getLocalPort();
  }

  @Override
  public void close() {
    socket.close();
  }
}

package io.sinkhole.testing;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketException;
import java.util.Arrays;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.xbill.DNS.ARecord;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Flags;
import org.xbill.DNS.Message;
import org.xbill.DNS.Record;
import org.xbill.DNS.Section;

/**
 * A UDP upstream whose behaviour a test chooses: it answers every question with {@code A
 * 192.0.2.53} after a fixed delay. Used where Unbound cannot be made slow or started on a port
 * chosen in advance (graceful shutdown, an upstream that comes back).
 */
public final class DelayedUpstream implements AutoCloseable {
  /** The address every answer carries. */
  public static final String ANSWER = "192.0.2.53";

  private final DatagramSocket socket;
  private final long delayMillis;
  private final ScheduledExecutorService replies = Executors.newSingleThreadScheduledExecutor();
  private final AtomicInteger received = new AtomicInteger();
  private final Thread reader;

  private DelayedUpstream(DatagramSocket socket, long delayMillis) {
    this.socket = socket;
    this.delayMillis = delayMillis;
    this.reader = new Thread(this::serve, "scripted-upstream");
    reader.setDaemon(true);
    reader.start();
  }

  /** Listens on {@code port} of 127.0.0.1 (0 for any free port). */
  public static DelayedUpstream start(int port, long delayMillis) throws SocketException {
    InetSocketAddress local = new InetSocketAddress(InetAddress.getLoopbackAddress(), port);
    return new DelayedUpstream(new DatagramSocket(local), delayMillis);
  }

  public InetSocketAddress address() {
    return (InetSocketAddress) socket.getLocalSocketAddress();
  }

  public String hostPort() {
    return "127.0.0.1:" + socket.getLocalPort();
  }

  /** Queries received so far. */
  public int received() {
    return received.get();
  }

  private void serve() {
    byte[] buf = new byte[4096];
    while (!socket.isClosed()) {
      DatagramPacket p = new DatagramPacket(buf, buf.length);
      try {
        socket.receive(p);
        received.incrementAndGet();
        byte[] answer = answer(Arrays.copyOf(p.getData(), p.getLength()));
        InetSocketAddress to = (InetSocketAddress) p.getSocketAddress();
        replies.schedule(() -> send(answer, to), delayMillis, TimeUnit.MILLISECONDS);
      } catch (IOException e) {
        // closed, or a packet dnsjava cannot parse: nothing to answer
      }
    }
  }

  private static byte[] answer(byte[] query) throws IOException {
    Message q = new Message(query);
    Message r = new Message(q.getHeader().getID());
    r.getHeader().setFlag(Flags.QR);
    r.getHeader().setFlag(Flags.RD);
    r.getHeader().setFlag(Flags.RA);
    Record question = q.getQuestion();
    r.addRecord(question, Section.QUESTION);
    r.addRecord(
        new ARecord(question.getName(), DClass.IN, 60, InetAddress.getByName(ANSWER)),
        Section.ANSWER);
    return r.toWire();
  }

  private void send(byte[] answer, InetSocketAddress to) {
    try {
      socket.send(new DatagramPacket(answer, answer.length, to));
    } catch (IOException e) {
      // closed while the reply waited
    }
  }

  @Override
  public void close() {
    socket.close();
    replies.shutdownNow();
  }
}

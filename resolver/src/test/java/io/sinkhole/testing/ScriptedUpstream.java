package io.sinkhole.testing;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketAddress;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.xbill.DNS.ARecord;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Flags;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Section;

/**
 * A fake upstream on 127.0.0.1 (UDP and TCP on one free port) whose every reply is scripted: drop,
 * delay, truncate, answer with the wrong ID or question, from the wrong port, garbage. Each query
 * is handed to the UDP {@link Script}; TCP queries get {@link #answer} unless told otherwise.
 */
public final class ScriptedUpstream implements AutoCloseable {
  /** Decides what to send back for one UDP (or TCP) query. */
  public interface Script {
    void handle(Message query, Reply reply) throws Exception;
  }

  private final DatagramSocket udp;
  private final ServerSocket tcp;
  private final List<Message> udpQueries = new CopyOnWriteArrayList<>();
  private final List<Message> tcpQueries = new CopyOnWriteArrayList<>();
  private final List<Integer> udpSourcePorts = new CopyOnWriteArrayList<>();
  private final List<Thread> threads = new CopyOnWriteArrayList<>();
  private volatile Script script;
  private volatile Script tcpScript = (q, r) -> r.send(answer(q, "192.0.2.1", 300));

  private ScriptedUpstream(DatagramSocket udp, ServerSocket tcp, Script script) {
    this.udp = udp;
    this.tcp = tcp;
    this.script = script;
  }

  public static ScriptedUpstream start(Script script) throws IOException {
    for (int attempt = 0; ; attempt++) {
      int port = UnboundUpstream.freePort();
      InetAddress lo = InetAddress.getLoopbackAddress();
      try {
        DatagramSocket udp = new DatagramSocket(new InetSocketAddress(lo, port));
        ServerSocket tcp = new ServerSocket(port, 16, lo);
        ScriptedUpstream s = new ScriptedUpstream(udp, tcp, script);
        s.spawn("udp", s::serveUdp);
        s.spawn("tcp", s::serveTcp);
        return s;
      } catch (IOException e) {
        if (attempt > 5) {
          throw e;
        }
      }
    }
  }

  /** Replaces the script for UDP queries from now on. */
  public void script(Script s) {
    this.script = s;
  }

  public void tcpScript(Script s) {
    this.tcpScript = s;
  }

  public String hostPort() {
    return "127.0.0.1:" + udp.getLocalPort();
  }

  public List<Message> udpQueries() {
    return udpQueries;
  }

  /** The source port of each UDP query, in arrival order. */
  public List<Integer> udpSourcePorts() {
    return udpSourcePorts;
  }

  /** UDP queries received for {@code name} (absolute, any case). */
  public long udpQueriesFor(String name) {
    return udpQueries.stream()
        .filter(q -> q.getQuestion().getName().toString().equalsIgnoreCase(name))
        .count();
  }

  /** Answers from a new thread after {@code millis}: a slow upstream that keeps serving. */
  public static void later(long millis, Reply r, Message m) {
    Thread t =
        new Thread(
            () -> {
              sleep(millis);
              try {
                r.send(m);
              } catch (IOException e) {
                // the upstream was closed meanwhile
              }
            });
    t.setDaemon(true);
    t.start();
  }

  public List<Message> tcpQueries() {
    return tcpQueries;
  }

  /** An answer to {@code query} (same ID and question) with one A record. */
  public static Message answer(Message query, String address, long ttl) throws IOException {
    Message m = reply(query);
    Name name = query.getQuestion().getName();
    m.addRecord(new ARecord(name, DClass.IN, ttl, InetAddress.getByName(address)), Section.ANSWER);
    return m;
  }

  /** An empty NOERROR reply to {@code query}, to add records to. */
  public static Message reply(Message query) {
    Message m = new Message(query.getHeader().getID());
    m.getHeader().setFlag(Flags.QR);
    m.getHeader().setFlag(Flags.RA);
    m.getHeader().setRcode(Rcode.NOERROR);
    m.addRecord(query.getQuestion(), Section.QUESTION);
    return m;
  }

  /** Where a scripted reply goes; sends from the upstream's own socket unless told otherwise. */
  public final class Reply {
    private final SocketAddress to;
    private final DataOutputStream tcpOut;

    Reply(SocketAddress to, DataOutputStream tcpOut) {
      this.to = to;
      this.tcpOut = tcpOut;
    }

    public void send(Message m) throws IOException {
      send(m.toWire());
    }

    public void send(byte[] wire) throws IOException {
      if (tcpOut != null) {
        tcpOut.writeShort(wire.length);
        tcpOut.write(wire);
        tcpOut.flush();
      } else {
        udp.send(new DatagramPacket(wire, wire.length, to));
      }
    }

    /** Sends from another socket bound on {@code from}: a wrong source address or port. */
    public void sendFrom(InetAddress from, Message m) throws IOException {
      byte[] wire = m.toWire();
      try (DatagramSocket other = new DatagramSocket(new InetSocketAddress(from, 0))) {
        other.send(new DatagramPacket(wire, wire.length, to));
      }
    }
  }

  private void spawn(String name, Runnable body) {
    Thread t = new Thread(body, "scripted-upstream-" + name);
    t.setDaemon(true);
    threads.add(t);
    t.start();
  }

  private void serveUdp() {
    byte[] buf = new byte[65535];
    while (!udp.isClosed()) {
      DatagramPacket p = new DatagramPacket(buf, buf.length);
      try {
        udp.receive(p);
        Message q = new Message(java.util.Arrays.copyOf(p.getData(), p.getLength()));
        udpQueries.add(q);
        udpSourcePorts.add(p.getPort());
        script.handle(q, new Reply(p.getSocketAddress(), null));
      } catch (Exception e) {
        // closed, or a query the script failed on: keep serving until closed
      }
    }
  }

  private void serveTcp() {
    while (!tcp.isClosed()) {
      try (Socket s = tcp.accept()) {
        DataInputStream in = new DataInputStream(s.getInputStream());
        byte[] wire = new byte[in.readUnsignedShort()];
        in.readFully(wire);
        Message q = new Message(wire);
        tcpQueries.add(q);
        tcpScript.handle(q, new Reply(null, new DataOutputStream(s.getOutputStream())));
      } catch (Exception e) {
        // closed, or the client went away
      }
    }
  }

  /** Sleeps in a script (a slow upstream). */
  public static void sleep(long millis) {
    UnboundUpstream.sleep(millis);
  }

  @Override
  public void close() {
    udp.close();
    try {
      tcp.close();
    } catch (IOException e) {
      // already closed
    }
    for (Thread t : threads) {
      try {
        t.join(2000);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }
}

package io.sinkhole.testing;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.util.Arrays;

/** Hand-made packets sent over raw sockets, for what no well-behaved client would send. */
public final class RawDns {
  private RawDns() {}

  /** Sends {@code packet} over UDP; returns the answer, or null when none came in time. */
  public static byte[] udp(InetSocketAddress server, byte[] packet, int timeoutMs)
      throws IOException {
    try (DatagramSocket s = new DatagramSocket()) {
      s.setSoTimeout(timeoutMs);
      s.send(new DatagramPacket(packet, packet.length, server));
      byte[] buf = new byte[65535];
      DatagramPacket p = new DatagramPacket(buf, buf.length);
      try {
        s.receive(p);
      } catch (SocketTimeoutException e) {
        return null;
      }
      return Arrays.copyOf(buf, p.getLength());
    }
  }

  /** Writes every message, two-byte framed (RFC 1035 section 4.2.2), in one write. */
  public static void writeFramed(Socket s, byte[]... messages) throws IOException {
    int total = 0;
    for (byte[] m : messages) {
      total += m.length + 2;
    }
    byte[] out = new byte[total];
    int p = 0;
    for (byte[] m : messages) {
      out[p++] = (byte) (m.length >> 8);
      out[p++] = (byte) m.length;
      System.arraycopy(m, 0, out, p, m.length);
      p += m.length;
    }
    OutputStream o = s.getOutputStream();
    o.write(out);
    o.flush();
  }

  /** Reads one framed message. */
  public static byte[] readFramed(Socket s) throws IOException {
    DataInputStream in = new DataInputStream(s.getInputStream());
    byte[] m = new byte[in.readUnsignedShort()];
    in.readFully(m);
    return m;
  }
}

package io.sinkhole.transport;

import static org.assertj.core.api.Assertions.assertThat;

import io.sinkhole.testing.Packets;
import io.sinkhole.testing.RawDns;
import io.sinkhole.testing.RunningSinkhole;
import io.sinkhole.testing.UnboundUpstream;
import java.io.IOException;
import java.net.Socket;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** TCP per RFC 7766 against the running server, with raw sockets. */
class TcpEndToEndTest {
  static UnboundUpstream unbound;
  static RunningSinkhole shortIdle;
  static RunningSinkhole fewConnections;

  @BeforeAll
  static void start() throws Exception {
    unbound = UnboundUpstream.start();
    String feed = "feeds:\n  - name: test-feed\n    path: list.txt\n    format: domains\n";
    shortIdle =
        RunningSinkhole.start(
            unbound.hostPort(),
            feed + "tcp:\n  idle_timeout_ms: 400\n  max_queries_per_connection: 2\n",
            "list.txt",
            "blocked.example\n");
    fewConnections = RunningSinkhole.start(unbound.hostPort(), "tcp:\n  max_connections: 2\n");
  }

  @AfterAll
  static void stop() {
    shortIdle.close();
    fewConnections.close();
    unbound.close();
  }

  @Test
  void pipelinedQueries_inOneWrite_areAllAnsweredUnderTheirOwnIds() throws Exception {
    try (Socket s = connect(shortIdle)) {
      RawDns.writeFramed(
          s,
          Packets.query(101, "www", "zone", "example"),
          Packets.query(102, "blocked", "example"),
          Packets.query(103, "txt", "zone", "example"),
          Packets.query(104, "x", "blocked", "example"),
          Packets.query(105, "mail", "zone", "example"));

      Set<Integer> ids = new HashSet<>();
      for (int i = 0; i < 5; i++) {
        byte[] answer = RawDns.readFramed(s);
        ids.add((answer[0] & 0xff) << 8 | answer[1] & 0xff);
      }
      assertThat(ids).containsExactlyInAnyOrder(101, 102, 103, 104, 105);
    }
  }

  @Test
  void idleConnection_isClosedAfterConfiguredTimeout() throws Exception {
    try (Socket s = connect(shortIdle)) {
      long start = System.nanoTime();
      RawDns.writeFramed(s, Packets.query(1, "blocked", "example"));
      RawDns.readFramed(s);

      assertThat(s.getInputStream().read()).isEqualTo(-1);
      assertThat((System.nanoTime() - start) / 1_000_000).isBetween(300L, 2500L);
    }
  }

  @Test
  void connectionsOverTheLimit_areClosed_andCounted() throws Exception {
    double before = fewConnections.metric("sinkhole_tcp_connections_rejected_total");
    try (Socket a = connect(fewConnections);
        Socket b = connect(fewConnections)) {
      RawDns.writeFramed(a, Packets.query(1, "www", "zone", "example"));
      RawDns.writeFramed(b, Packets.query(2, "www", "zone", "example"));
      assertThat(RawDns.readFramed(a)).isNotEmpty();
      assertThat(RawDns.readFramed(b)).isNotEmpty();

      try (Socket c = connect(fewConnections)) {
        assertThat(c.getInputStream().read()).isEqualTo(-1);
      }
    }
    assertThat(fewConnections.metric("sinkhole_tcp_connections_rejected_total") - before)
        .isEqualTo(1.0);
  }

  @Test
  void tricklingClient_neverCompletingAQuery_isClosedAsIdle() throws Exception {
    try (Socket s = connect(shortIdle)) {
      long start = System.nanoTime();
      byte[] query = Packets.query(7, "www", "zone", "example");
      int closedAfter = -1;
      // One byte every 100 ms: bytes keep arriving, but no query is ever complete.
      for (int i = 0; i < 30 && closedAfter < 0; i++) {
        try {
          s.getOutputStream().write(i == 0 ? 0 : query[i % query.length]);
          s.getOutputStream().flush();
        } catch (IOException e) {
          closedAfter = i;
        }
        Thread.sleep(100);
        if (s.getInputStream().available() == 0 && isClosed(s)) {
          closedAfter = i;
        }
      }

      assertThat(closedAfter).as("closed before the trickle ended").isPositive();
      assertThat((System.nanoTime() - start) / 1_000_000).isLessThan(2500L);
    }
  }

  private static boolean isClosed(Socket s) throws IOException {
    s.setSoTimeout(1);
    try {
      return s.getInputStream().read() == -1;
    } catch (java.net.SocketTimeoutException e) {
      return false;
    } catch (IOException e) {
      return true;
    } finally {
      s.setSoTimeout(5000);
    }
  }

  private static Socket connect(RunningSinkhole s) throws IOException {
    Socket socket = new Socket(s.dns().getAddress(), s.dns().getPort());
    socket.setSoTimeout(5000);
    return socket;
  }
}

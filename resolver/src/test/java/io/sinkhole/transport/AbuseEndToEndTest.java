package io.sinkhole.transport;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.sinkhole.testing.Dig;
import io.sinkhole.testing.Packets;
import io.sinkhole.testing.RunningSinkhole;
import io.sinkhole.testing.UnboundUpstream;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.SocketTimeoutException;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.xbill.DNS.Message;
import org.xbill.DNS.Type;

/** The server is not an open resolver and cannot be used for amplification (issue #4). */
class AbuseEndToEndTest {
  static UnboundUpstream unbound;
  static RunningSinkhole closed;
  static RunningSinkhole limited;

  @BeforeAll
  static void start() throws Exception {
    unbound = UnboundUpstream.start();
    closed = RunningSinkhole.start(unbound.hostPort(), "access:\n  allow: [\"192.0.2.0/24\"]\n");
    limited =
        RunningSinkhole.start(
            unbound.hostPort(), "rate_limit:\n  qps: 5\n  burst: 5\n  slip: 2\n  exempt: []\n");
  }

  @AfterAll
  static void stop() {
    closed.close();
    limited.close();
    unbound.close();
  }

  @Test
  void clientOutsideAccessList_getsRefused_countedAndRecorded() throws Exception {
    String series = "sinkhole_queries_total{outcome=\"refused\",protocol=\"udp\",qtype=\"A\"}";
    double before = closed.metric(series);

    Dig.Result r = Dig.dig(closed.dns(), "www." + UnboundUpstream.ZONE, "A");

    assertThat(r.status()).isEqualTo("REFUSED");
    assertThat(r.answerLines()).isEmpty();
    assertThat(closed.metric(series) - before).isEqualTo(1.0);
    List<JsonNode> rows = closed.awaitEvents(1);
    assertThat(rows).anySatisfy(row -> assertThat(row.get("Action").asText()).isEqualTo("refused"));
    assertThat(Dig.dig(closed.dns(), "+tcp", "www." + UnboundUpstream.ZONE, "A").status())
        .isEqualTo("REFUSED");
  }

  @Test
  void floodFromOnePrefix_isLimited_withEverySecondOverLimitAnswerSlipped() throws Exception {
    String series = "sinkhole_queries_total{outcome=\"ratelimited\",protocol=\"udp\",qtype=\"A\"}";
    double before = limited.metric(series);
    int normal = 0;
    int slipped = 0;
    try (DatagramSocket s = new DatagramSocket()) {
      s.setSoTimeout(500);
      for (int i = 0; i < 25; i++) {
        byte[] q = Packets.query(i, "www", "zone", "example");
        s.send(new DatagramPacket(q, q.length, limited.dns()));
      }
      for (int i = 0; i < 25; i++) {
        DatagramPacket p = new DatagramPacket(new byte[4096], 4096);
        try {
          s.receive(p);
        } catch (SocketTimeoutException e) {
          break;
        }
        boolean tc = (p.getData()[2] & 0x02) != 0;
        slipped += tc ? 1 : 0;
        normal += tc ? 0 : 1;
      }
    }
    assertThat(normal).isBetween(5, 7);
    assertThat(slipped).isBetween(8, 10);
    assertThat(limited.metric(series) - before).isGreaterThanOrEqualTo(18.0);
    Message overTcp = limited.probe().tcp().query("www." + UnboundUpstream.ZONE, Type.A);
    assertThat(overTcp.getSection(org.xbill.DNS.Section.ANSWER)).isNotEmpty();
  }
}

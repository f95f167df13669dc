package io.sinkhole;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.sinkhole.testing.Dig;
import io.sinkhole.testing.RunningSinkhole;
import io.sinkhole.testing.UnboundUpstream;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.xbill.DNS.AAAARecord;
import org.xbill.DNS.ARecord;
import org.xbill.DNS.Message;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Section;
import org.xbill.DNS.Type;

/** The configurable answers for blocked names, monitor mode and failure answers (issue #2). */
class BlockModesEndToEndTest {
  private static final String FEED = "bad.example\nmonitored.example\n";
  static UnboundUpstream unbound;

  @BeforeAll
  static void startUpstream() throws Exception {
    unbound = UnboundUpstream.start(List.of("watch.zone.example. 300 IN A 192.0.2.99"));
  }

  @AfterAll
  static void stopUpstream() {
    unbound.close();
  }

  private static RunningSinkhole start(String block) throws Exception {
    return RunningSinkhole.start(
        unbound.hostPort(),
        block + "feeds:\n  - name: local\n    path: list.txt\n    format: domains\n",
        "list.txt",
        FEED + "watch.zone.example\n");
  }

  @Test
  void addressMode_givesSinkholeAddresses_andNodataForOtherTypes() throws Exception {
    try (RunningSinkhole s =
        start("block:\n  answer: address\n  addresses: [\"192.0.2.1\", \"2001:db8::1\"]\n")) {
      Message a = s.probe().query("www.bad.example", Type.A);
      Message aaaa = s.probe().query("bad.example", Type.AAAA);
      Message mx = s.probe().query("bad.example", Type.MX);

      assertThat(((ARecord) a.getSection(Section.ANSWER).get(0)).getAddress().getHostAddress())
          .isEqualTo("192.0.2.1");
      assertThat(((AAAARecord) aaaa.getSection(Section.ANSWER).get(0)).getAddress())
          .isEqualTo(InetAddress.getByName("2001:db8::1"));
      assertThat(mx.getRcode()).isEqualTo(Rcode.NOERROR);
      assertThat(mx.getSection(Section.ANSWER)).isEmpty();
      assertThat(s.awaitEvents(3))
          .allSatisfy(r -> assertThat(r.get("Action").asText()).isEqualTo("blocked"));
    }
  }

  @Test
  void nodataAndRefusedModes_answerAsConfigured() throws Exception {
    try (RunningSinkhole nodata = start("block:\n  answer: nodata\n");
        RunningSinkhole refused = start("block:\n  answer: refused\n")) {
      assertThat(Dig.dig(nodata.dns(), "bad.example", "A").status()).isEqualTo("NOERROR");
      assertThat(Dig.dig(nodata.dns(), "bad.example", "A").answerLines()).isEmpty();
      assertThat(Dig.dig(refused.dns(), "bad.example", "A").status()).isEqualTo("REFUSED");
    }
  }

  @Test
  void monitorMode_forwardsMatches_andRecordsThem() throws Exception {
    try (RunningSinkhole s = start("block:\n  mode: monitor\n")) {
      Message m = s.probe().query("watch.zone.example", Type.A);

      assertThat(m.getRcode()).isEqualTo(Rcode.NOERROR);
      assertThat(((ARecord) m.getSection(Section.ANSWER).get(0)).getAddress().getHostAddress())
          .isEqualTo("192.0.2.99");
      JsonNode row = s.awaitEvents(1).get(0);
      assertThat(row.get("Action").asText()).isEqualTo("monitored");
      assertThat(row.get("MatchedIndicator").asText()).isEqualTo("watch.zone.example");
      assertThat(row.get("IPAddresses").asText()).isEqualTo("192.0.2.99");
      assertThat(
              s.metric(
                  "sinkhole_blocks_total{action=\"monitored\",feed=\"local\","
                      + "threat_type=\"unknown\"}"))
          .isEqualTo(1.0);
    }
  }

  @Test
  void deadUpstream_getsServfail_withinTheDeadline_andAnEvent() throws Exception {
    int dead = UnboundUpstream.freePort();
    try (RunningSinkhole s =
        RunningSinkhole.start("127.0.0.1:" + dead, "forwarding:\n  timeout_ms: 300\n")) {
      long start = System.nanoTime();
      Message m = s.probe().query("www.zone.example", Type.A);

      assertThat(m.getRcode()).isEqualTo(Rcode.SERVFAIL);
      assertThat((System.nanoTime() - start) / 1_000_000).isLessThan(2900);
      assertThat(s.awaitEvents(1).get(0).get("Action").asText()).isEqualTo("servfail");
    }
  }

  @Test
  void malformedPacket_getsFormerr_isCounted_andServerKeepsAnswering() throws Exception {
    try (RunningSinkhole s = start("");
        DatagramSocket socket = new DatagramSocket()) {
      socket.setSoTimeout(3000);
      // Header says one question, but the question name runs past the end of the packet.
      byte[] bad = {0x12, 0x34, 0x01, 0x00, 0x00, 0x01, 0, 0, 0, 0, 0, 0, 0x07, 'e', 'x'};
      socket.send(new DatagramPacket(bad, bad.length, s.dns()));
      DatagramPacket reply = new DatagramPacket(new byte[512], 512);
      socket.receive(reply);

      Message m = new Message(java.util.Arrays.copyOf(reply.getData(), reply.getLength()));
      assertThat(m.getHeader().getID()).isEqualTo(0x1234);
      assertThat(m.getRcode()).isEqualTo(Rcode.FORMERR);
      assertThat(s.metric("sinkhole_malformed_queries_total{reason=\"truncated name\"}"))
          .isEqualTo(1.0);
      assertThat(s.probe().query("bad.example", Type.A).getRcode()).isEqualTo(Rcode.NXDOMAIN);
    }
  }
}

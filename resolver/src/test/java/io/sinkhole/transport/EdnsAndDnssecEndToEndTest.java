package io.sinkhole.transport;

import static org.assertj.core.api.Assertions.assertThat;

import io.sinkhole.testing.Dig;
import io.sinkhole.testing.RewritingUpstream;
import io.sinkhole.testing.RunningSinkhole;
import io.sinkhole.testing.UnboundUpstream;
import java.net.InetAddress;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.xbill.DNS.ARecord;
import org.xbill.DNS.DClass;
import org.xbill.DNS.DNSSEC;
import org.xbill.DNS.ExtendedFlags;
import org.xbill.DNS.Flags;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.OPTRecord;
import org.xbill.DNS.RRSIGRecord;
import org.xbill.DNS.Record;
import org.xbill.DNS.Section;
import org.xbill.DNS.Type;

/**
 * EDNS0 (RFC 6891) and DNSSEC bits (RFC 4035, RFC 6840) on answers relayed to clients, through the
 * running server: a scripted upstream that sets AD and signs, and a real Unbound serving a record
 * set too large for one datagram.
 */
class EdnsAndDnssecEndToEndTest {
  static final String BIG = "big." + UnboundUpstream.ZONE;

  static RewritingUpstream scripted;
  static UnboundUpstream unbound;
  static RunningSinkhole viaScript;
  static RunningSinkhole viaUnbound;

  @BeforeAll
  static void start() throws Exception {
    scripted = RewritingUpstream.start(EdnsAndDnssecEndToEndTest::signedAnswer);
    viaScript = RunningSinkhole.start(scripted.hostPort(), "");
    List<String> txt = new ArrayList<>();
    for (int i = 0; i < 30; i++) {
      txt.add(BIG + ". 300 IN TXT \\\"record " + i + " padded to make the set large\\\"");
    }
    unbound = UnboundUpstream.start(txt, List.of("max-udp-size: 4096", "edns-buffer-size: 4096"));
    viaUnbound = RunningSinkhole.start(unbound.hostPort(), "");
  }

  @AfterAll
  static void stop() {
    viaScript.close();
    viaUnbound.close();
    scripted.close();
    unbound.close();
  }

  /** An upstream that claims validation (AD) and returns an RRSIG, whatever the client asked. */
  static Message signedAnswer(Message query) {
    Record q = query.getQuestion();
    Message m = new Message(query.getHeader().getID());
    m.getHeader().setFlag(Flags.QR);
    m.getHeader().setFlag(Flags.RD);
    m.getHeader().setFlag(Flags.RA);
    m.getHeader().setFlag(Flags.AD);
    m.addRecord(q, Section.QUESTION);
    try {
      InetAddress a = InetAddress.getByAddress(new byte[] {(byte) 192, 0, 2, 20});
      m.addRecord(new ARecord(q.getName(), DClass.IN, 300, a), Section.ANSWER);
      Instant now = Instant.now();
      m.addRecord(
          new RRSIGRecord(
              q.getName(),
              DClass.IN,
              300,
              Type.A,
              DNSSEC.Algorithm.ECDSAP256SHA256,
              300,
              now.plusSeconds(3600),
              now,
              12345,
              Name.fromString("example."),
              new byte[64]),
          Section.ANSWER);
    } catch (java.io.IOException e) {
      throw new IllegalStateException(e);
    }
    OPTRecord opt = query.getOPT();
    if (opt != null) {
      m.addRecord(new OPTRecord(4096, 0, 0, opt.getFlags()), Section.ADDITIONAL);
    }
    return m;
  }

  @Test
  void clientWithoutDo_getsNoRrsigAndNoAd() throws Exception {
    Message m = viaScript.probe().edns(1232, false).query("signed.example", Type.A);

    assertThat(m.getHeader().getFlag(Flags.AD)).isFalse();
    assertThat(m.getSection(Section.ANSWER)).singleElement().isInstanceOf(ARecord.class);
  }

  @Test
  void clientWithDo_getsRrsigAndAd_andDoEchoed() throws Exception {
    Message m = viaScript.probe().edns(1232, true).query("signed.example", Type.A);

    assertThat(m.getHeader().getFlag(Flags.AD)).isTrue();
    assertThat(m.getSection(Section.ANSWER))
        .anySatisfy(r -> assertThat(r).isInstanceOf(RRSIGRecord.class));
    assertThat(m.getOPT().getFlags() & ExtendedFlags.DO).isEqualTo(ExtendedFlags.DO);
  }

  @Test
  void clientWithAdButNoDo_keepsAd_butNoRrsig() throws Exception {
    Dig.Result r = Dig.dig(viaScript.dns(), "+adflag", "+nodnssec", "signed.example", "A");

    assertThat(r.output()).contains(" ad;").contains("192.0.2.20").doesNotContain("RRSIG");
  }

  @Test
  void answerOverClientsPayload_isTruncatedWithOpt_andAdvertisesClamp() throws Exception {
    Dig.Result r = Dig.dig(viaUnbound.dns(), "+ignore", "+bufsize=4096", BIG, "TXT");

    assertThat(r.output())
        .contains("tc rd ra;")
        .contains("QUERY: 1, ANSWER: 0, AUTHORITY: 0, ADDITIONAL: 1")
        .contains("OPT PSEUDOSECTION")
        .contains("udp: 1232")
        .contains(";" + BIG + ".");
  }

  @Test
  void answerOver512_withoutEdns_isTruncatedWithoutOpt() throws Exception {
    Dig.Result r = Dig.dig(viaUnbound.dns(), "+ignore", "+noedns", BIG, "TXT");

    assertThat(r.output())
        .contains("tc rd ra;")
        .contains("ANSWER: 0")
        .doesNotContain("OPT PSEUDOSECTION");
  }

  @Test
  void truncatedAnswer_digRetriesOverTcp_andGetsEveryRecord() throws Exception {
    Dig.Result r = Dig.dig(viaUnbound.dns(), "+bufsize=4096", BIG, "TXT");

    assertThat(r.output()).contains("Truncated, retrying in TCP mode");
    assertThat(r.answerLines()).hasSize(30);
  }

  @Test
  void optRecord_relayedFromUpstream_keepsClientsDoBit() throws Exception {
    Message m = viaUnbound.probe().edns(1232, true).query("www." + UnboundUpstream.ZONE, Type.A);

    assertThat(m.getOPT()).isNotNull();
    assertThat(m.getOPT().getFlags() & ExtendedFlags.DO).isEqualTo(ExtendedFlags.DO);
    assertThat(m.getOPT().getPayloadSize()).isEqualTo(1232);
  }

  @Test
  void ednsVersion1_getsBadvers() throws Exception {
    Dig.Result r =
        Dig.dig(
            viaUnbound.dns(), "+edns=1", "+noednsnegotiation", "www." + UnboundUpstream.ZONE, "A");

    assertThat(r.status()).isEqualTo("BADVERS");
    assertThat(r.output()).contains("version: 0");
  }
}

package io.sinkhole;

import static org.assertj.core.api.Assertions.assertThat;

import io.sinkhole.testing.Dig;
import io.sinkhole.testing.RunningSinkhole;
import io.sinkhole.testing.UnboundUpstream;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.xbill.DNS.AAAARecord;
import org.xbill.DNS.ARecord;
import org.xbill.DNS.Flags;
import org.xbill.DNS.Message;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Section;
import org.xbill.DNS.Type;

/**
 * A listed name is blocked whatever its spelling, for every query type (issue #4): the server runs
 * from inline YAML against a real Unbound, queried with dig, kdig and dnsjava.
 */
class MatchingBypassEndToEndTest {
  static final String FEED = "blocked.example\nbücher.example\n";
  static final int[] EVERY_TYPE = {
    Type.A,
    Type.AAAA,
    Type.HTTPS,
    Type.SVCB,
    Type.TXT,
    Type.MX,
    Type.ANY,
    Type.NS,
    Type.SOA,
    Type.PTR,
    Type.CNAME,
    Type.SRV,
    Type.CAA,
    Type.DS
  };

  static UnboundUpstream unbound;
  static RunningSinkhole nxdomain;
  static RunningSinkhole address;

  @BeforeAll
  static void start() throws Exception {
    unbound = UnboundUpstream.start();
    String feed = "feeds:\n  - name: test-feed\n    path: list.txt\n    format: domains\n";
    nxdomain = RunningSinkhole.start(unbound.hostPort(), feed, "list.txt", FEED);
    address =
        RunningSinkhole.start(
            unbound.hostPort(),
            feed
                + "block:\n  answer: address\n  addresses: [\"192.0.2.1\", \"2001:db8::1\"]\n"
                + "  ede: filtered\n",
            "list.txt",
            FEED);
  }

  @AfterAll
  static void stop() {
    for (AutoCloseable c : new AutoCloseable[] {nxdomain, address, unbound}) {
      try {
        if (c != null) {
          c.close();
        }
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
    }
  }

  @Test
  void blockedParent_anySpelling_isBlocked() throws Exception {
    for (String spelling :
        List.of(
            "BlOcKeD.ExAmPlE",
            "blocked.example.",
            "x.Sub.BLOCKED.example",
            "\\065PI.blocked.example",
            "\\098locked.example",
            "xn--bcher-kva.example",
            "WWW.XN--BCHER-KVA.EXAMPLE")) {
      Dig.Result r = Dig.dig(nxdomain.dns(), spelling, "A");
      assertThat(r.status()).as(spelling).isEqualTo("NXDOMAIN");
      assertThat(r.output()).as(spelling).contains("EDE: 15 (Blocked)").contains("feed test-feed");
    }
  }

  @Test
  void dotInsideLabel_doesNotMatchAcrossLabelBoundary() throws Exception {
    // One label "sub.blocked" under "example", and one label "blocked.example": neither is under
    // the listed name, so both are forwarded (and refused by Unbound, which serves only its zone).
    for (String spelling :
        List.of("sub\\.blocked.example", "blocked\\.example", "blocked\\046example")) {
      Dig.Result r = Dig.dig(nxdomain.dns(), spelling, "A");
      assertThat(r.status()).as(spelling).isEqualTo("REFUSED");
      assertThat(r.output()).as(spelling).doesNotContain("EDE: 15");
    }
  }

  @Test
  void blockedName_everyQueryType_getsBlockAnswer() throws Exception {
    for (int type : EVERY_TYPE) {
      Message m = nxdomain.probe().query("api.blocked.example", type);
      assertThat(m.getRcode()).as(Type.string(type)).isEqualTo(Rcode.NXDOMAIN);
      assertThat(m.getSection(Section.AUTHORITY)).as(Type.string(type)).hasSize(1);
    }
    assertThat(Dig.kdig(nxdomain.dns(), "+tcp", "blocked.example", "HTTPS").status())
        .isEqualTo("NXDOMAIN");
  }

  @Test
  void addressMode_aAndAaaaGetSinkholeAddress_otherTypesNodata() throws Exception {
    Message a = address.probe().query("Blocked.Example", Type.A);
    Message aaaa = address.probe().query("blocked.example", Type.AAAA);

    assertThat(a.getSection(Section.ANSWER))
        .singleElement()
        .isInstanceOfSatisfying(
            ARecord.class, r -> assertThat(r.getAddress().getHostAddress()).isEqualTo("192.0.2.1"));
    assertThat(aaaa.getSection(Section.ANSWER))
        .singleElement()
        .isInstanceOfSatisfying(
            AAAARecord.class,
            r -> assertThat(r.getAddress().getHostAddress()).isEqualTo("2001:db8:0:0:0:0:0:1"));
    for (int type : EVERY_TYPE) {
      if (type == Type.A || type == Type.AAAA) {
        continue;
      }
      Message m = address.probe().query("www.blocked.example", type);
      assertThat(m.getRcode()).as(Type.string(type)).isEqualTo(Rcode.NOERROR);
      assertThat(m.getSection(Section.ANSWER)).as(Type.string(type)).isEmpty();
    }
    assertThat(Dig.dig(address.dns(), "blocked.example", "TXT").output())
        .contains("EDE: 17 (Filtered)");
  }

  @Test
  void blockedAnswer_toClientAskingForAd_neverCarriesAd() throws Exception {
    Dig.Result r = Dig.dig(nxdomain.dns(), "+adflag", "+dnssec", "blocked.example", "A");

    assertThat(r.status()).isEqualTo("NXDOMAIN");
    assertThat(r.output()).containsPattern("flags: qr rd ra;").doesNotContain(" ad;");
    Message m = nxdomain.probe().edns(1232, true).query("blocked.example", Type.A);
    assertThat(m.getHeader().getFlag(Flags.AD)).isFalse();
  }
}

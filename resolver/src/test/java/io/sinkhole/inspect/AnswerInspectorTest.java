package io.sinkhole.inspect;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.sinkhole.testing.RunningSinkhole;
import io.sinkhole.testing.ScriptedUpstream;
import io.sinkhole.testing.UnboundUpstream;
import java.net.InetAddress;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.xbill.DNS.ARecord;
import org.xbill.DNS.CNAMERecord;
import org.xbill.DNS.DClass;
import org.xbill.DNS.DNAMERecord;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Section;
import org.xbill.DNS.Type;

/**
 * Answers from a real Unbound whose local data leads into listed names and addresses: the alias
 * chain and the addresses are inspected, not only the query name (issue #4).
 */
class AnswerInspectorTest {
  private static final String Z = UnboundUpstream.ZONE;
  private static final String HEADER =
      "# \"first_seen_utc\",\"ioc_id\",\"ioc_value\",\"ioc_type\",\"threat_type\",\"fk_malware\","
          + "\"malware_alias\",\"malware_printable\",\"last_seen_utc\",\"confidence_level\","
          + "\"is_compromised\",\"reference\",\"tags\",\"anonymous\",\"reporter\"\n";

  static UnboundUpstream unbound;
  static RunningSinkhole sinkhole;
  static ScriptedUpstream scripted;
  static RunningSinkhole chains;

  @BeforeAll
  static void start() throws Exception {
    unbound =
        UnboundUpstream.start(
            List.of(
                "to-evil." + Z + ". 300 IN CNAME c2.Evil.Example.",
                "bad-ip." + Z + ". 300 IN A 192.0.2.66",
                "bad-ip6." + Z + ". 300 IN AAAA 2001:db8::66",
                "watched-ip." + Z + ". 300 IN A 198.51.100.7",
                "svc." + Z + ". 300 IN HTTPS 1 . alpn=h2 ipv4hint=192.0.2.66",
                "alias-svc." + Z + ". 300 IN HTTPS 0 cdn.EVIL.example."));
    sinkhole = RunningSinkhole.start(unbound.hostPort(), FEEDS, feedFiles());
    // Unbound does not follow CNAMEs inside its local data; a scripted upstream sends the
    // multi-hop chains and DNAMEs a recursive resolver would.
    scripted = ScriptedUpstream.start(AnswerInspectorTest::chainAnswer);
    chains = RunningSinkhole.start(scripted.hostPort(), FEEDS, feedFiles());
  }

  private static final String FEEDS =
      "feeds:\n"
          + "  - name: bad\n    path: bad.csv\n    format: threatfox-csv\n"
          + "  - name: watch\n    path: watch.csv\n    format: threatfox-csv\n"
          + "    action: monitor\n";

  private static String[] feedFiles() {
    return new String[] {
      "bad.csv",
      HEADER
          + row("evil.example", "domain")
          + row("192.0.2.66:443", "ip:port")
          + row("[2001:db8::66]:443", "ip:port"),
      "watch.csv",
      HEADER + row("198.51.100.7:80", "ip:port")
    };
  }

  /** chain.zone.example CNAME hop, hop CNAME WWW.EVIL.EXAMPLE; x.dname.* under a DNAME. */
  private static void chainAnswer(Message q, ScriptedUpstream.Reply r) throws Exception {
    Message m = ScriptedUpstream.reply(q);
    Name qname = q.getQuestion().getName();
    Name hop = Name.fromString("hop." + Z + ".");
    Name evil = Name.fromString("WWW.EVIL.EXAMPLE.");
    if (qname.toString().startsWith("junk.")) {
      m.addRecord(new CNAMERecord(qname, DClass.IN, 300, evil), Section.ANSWER);
      r.send(withUnparseableRecord(m));
      return;
    }
    if (qname.toString().startsWith("chain.")) {
      m.addRecord(new CNAMERecord(qname, DClass.IN, 300, hop), Section.ANSWER);
      m.addRecord(new CNAMERecord(hop, DClass.IN, 300, evil), Section.ANSWER);
    } else {
      Name dname = Name.fromString("dname." + Z + ".");
      m.addRecord(
          new DNAMERecord(dname, DClass.IN, 300, Name.fromString("Evil.Example.")), Section.ANSWER);
    }
    m.addRecord(
        new ARecord(evil, DClass.IN, 300, InetAddress.getByName("192.0.2.80")), Section.ANSWER);
    r.send(m);
  }

  /** {@code m} plus an additional A record whose data is 5 bytes long: dnsjava rejects it. */
  private static byte[] withUnparseableRecord(Message m) {
    byte[] wire = m.toWire();
    byte[] bad = {0, 0, 1, 0, 1, 0, 0, 1, 44, 0, 5, 1, 2, 3, 4, 5};
    byte[] out = java.util.Arrays.copyOf(wire, wire.length + bad.length);
    System.arraycopy(bad, 0, out, wire.length, bad.length);
    int arcount = (out[10] & 0xff) << 8 | out[11] & 0xff;
    out[10] = (byte) ((arcount + 1) >> 8);
    out[11] = (byte) (arcount + 1);
    return out;
  }

  /**
   * An answer dnsjava refuses with an unchecked exception is not inspectable: the caller answers
   * SERVFAIL and keeps it out of the cache. (The upstream client already ignores replies that are
   * not standard queries, which this one is not; the inspector does not rely on that.)
   */
  @Test
  void answerDnsjavaRefuses_isNotInspectable() {
    byte[] wire = io.sinkhole.testing.Packets.answerDnsjavaRefuses(1, "odd", "example");

    assertThat(new AnswerInspector().inspect(wire, io.sinkhole.ioc.IocSet.EMPTY, null, 0, null))
        .isNull();
  }

  @Test
  void httpsAliasModeIntoListedDomain_isBlocked() throws Exception {
    Message m = sinkhole.probe().query("alias-svc." + Z, Type.HTTPS);

    assertThat(m.getRcode()).isEqualTo(org.xbill.DNS.Rcode.NXDOMAIN);
    assertThat(lastEvent("alias-svc." + Z).get("MatchedIndicator").asText())
        .isEqualTo("evil.example");
  }

  @Test
  void answerThatCannotBeParsed_isNotRelayed_failsClosed() throws Exception {
    Message m = chains.probe().query("junk." + Z, Type.A);

    assertThat(m.getRcode()).isEqualTo(org.xbill.DNS.Rcode.SERVFAIL);
    assertThat(m.getSection(Section.ANSWER)).isEmpty();
  }

  private static String row(String value, String type) {
    return "\"2026-04-11 21:35:38\", \"1\", \""
        + value
        + "\", \""
        + type
        + "\", \"botnet_cc\", \"win.test\", \"None\", \"TestRAT\", \"\", \"90\", \"False\", "
        + "\"None\", \"\", \"0\", \"test\"\n";
  }

  @AfterAll
  static void stop() {
    sinkhole.close();
    unbound.close();
    chains.close();
    scripted.close();
  }

  @Test
  void cnameIntoListedDomain_blocksTheWholeAnswer_andNamesTheChainMember() throws Exception {
    Message m = sinkhole.probe().query("to-evil." + Z, Type.A);

    assertThat(m.getRcode()).isEqualTo(Rcode.NXDOMAIN);
    assertThat(m.getSection(Section.ANSWER)).isEmpty();
    JsonNode e = lastEvent("to-evil." + Z);
    assertThat(e.get("Action").asText()).isEqualTo("blocked");
    assertThat(e.get("MatchedName").asText()).isEqualTo("c2.evil.example");
    assertThat(e.get("MatchedIndicator").asText()).isEqualTo("evil.example");
  }

  @Test
  void listedTargetDeeperInTheChain_inUpperCase_isBlocked() throws Exception {
    Message m = chains.probe().query("chain." + Z, Type.A);

    assertThat(m.getRcode()).isEqualTo(Rcode.NXDOMAIN);
    assertThat(m.getSection(Section.ANSWER)).isEmpty();
    assertThat(lastEvent(chains, "chain." + Z).get("MatchedName").asText())
        .isEqualTo("www.evil.example");
  }

  @Test
  void dnameIntoListedDomain_isBlocked() throws Exception {
    Message m = chains.probe().query("x.dname." + Z, Type.A);

    assertThat(m.getRcode()).isEqualTo(Rcode.NXDOMAIN);
    assertThat(lastEvent(chains, "x.dname." + Z).get("MatchedName").asText())
        .isEqualTo("evil.example");
  }

  @Test
  void listedAddressInTheAnswer_blocks_andFillsMaliciousIp() throws Exception {
    Message v4 = sinkhole.probe().query("bad-ip." + Z, Type.A);
    Message v6 = sinkhole.probe().query("bad-ip6." + Z, Type.AAAA);

    assertThat(v4.getRcode()).isEqualTo(Rcode.NXDOMAIN);
    assertThat(v6.getRcode()).isEqualTo(Rcode.NXDOMAIN);
    assertThat(lastEvent("bad-ip." + Z).get("MaliciousIP").asText()).isEqualTo("192.0.2.66");
    assertThat(lastEvent("bad-ip6." + Z).get("MaliciousIP").asText()).contains("2001:db8");
  }

  @Test
  void listedAddressInHttpsHint_blocks() throws Exception {
    Message m = sinkhole.probe().query("svc." + Z, Type.HTTPS);

    assertThat(m.getRcode()).isEqualTo(Rcode.NXDOMAIN);
    assertThat(lastEvent("svc." + Z).get("MaliciousIP").asText()).isEqualTo("192.0.2.66");
  }

  @Test
  void monitoredAddress_isRelayed_andRecordedAsMonitored() throws Exception {
    Message m = sinkhole.probe().query("watched-ip." + Z, Type.A);

    assertThat(m.getRcode()).isEqualTo(Rcode.NOERROR);
    assertThat(m.getSection(Section.ANSWER)).isNotEmpty();
    JsonNode e = lastEvent("watched-ip." + Z);
    assertThat(e.get("Action").asText()).isEqualTo("monitored");
    assertThat(e.get("MaliciousIP").asText()).isEqualTo("198.51.100.7");
  }

  @Test
  void cachedAnswer_keepsItsInspectionVerdict() throws Exception {
    sinkhole.probe().query("to-evil." + Z, Type.TXT);
    Message again = sinkhole.probe().query("to-evil." + Z, Type.TXT);

    assertThat(again.getRcode()).isEqualTo(Rcode.NXDOMAIN);
    assertThat(lastEvent("to-evil." + Z).get("MatchedName").asText()).isEqualTo("c2.evil.example");
  }

  @Test
  void cleanAnswer_isRelayedUntouched() throws Exception {
    Message m = sinkhole.probe().query("alias." + Z, Type.A);

    assertThat(m.getRcode()).isEqualTo(Rcode.NOERROR);
    assertThat(m.getSection(Section.ANSWER)).singleElement().isInstanceOf(CNAMERecord.class);
    assertThat(lastEvent("alias." + Z).get("Action").asText()).isEqualTo("allowed");
  }

  private static JsonNode lastEvent(String name) throws Exception {
    return lastEvent(sinkhole, name);
  }

  private static JsonNode lastEvent(RunningSinkhole sinkhole, String name) throws Exception {
    long deadline = System.nanoTime() + 5_000_000_000L;
    while (System.nanoTime() < deadline) {
      List<JsonNode> rows = sinkhole.readEvents();
      for (int i = rows.size() - 1; i >= 0; i--) {
        if (rows.get(i).get("Name").asText().equals(name)) {
          return rows.get(i);
        }
      }
      Thread.sleep(20);
    }
    throw new AssertionError("no event for " + name);
  }
}

package io.sinkhole.query;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.sinkhole.testing.RunningSinkhole;
import io.sinkhole.testing.ScriptedUpstream;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.xbill.DNS.Message;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.SOARecord;
import org.xbill.DNS.Section;
import org.xbill.DNS.Type;

/**
 * The stage order seen from outside: blocks, local zones and cache hits are answered without the
 * upstream, so a dead upstream cannot delay them (issue #4).
 */
class QueryProcessorTest {
  static ScriptedUpstream upstream;
  static RunningSinkhole sinkhole;

  @BeforeAll
  static void start() throws Exception {
    upstream =
        ScriptedUpstream.start((q, r) -> r.send(ScriptedUpstream.answer(q, "192.0.2.1", 300)));
    sinkhole =
        RunningSinkhole.start(
            upstream.hostPort(),
            "forwarding:\n  timeout_ms: 1000\n  deadline_ms: 1500\n"
                + "local_zones:\n  forward_private_reverse: [\"168.192.in-addr.arpa\"]\n"
                + "feeds:\n  - name: test-block\n    path: blocked.txt\n    format: domains\n",
            "blocked.txt",
            "blocked.example\n");
  }

  @AfterAll
  static void stop() {
    sinkhole.close();
    upstream.close();
  }

  @Test
  void deadUpstream_blockedCachedAndLocalAnswersStillComeInMilliseconds() throws Exception {
    upstream.script((q, r) -> r.send(ScriptedUpstream.answer(q, "192.0.2.1", 300)));
    sinkhole.probe().query("cached.zone.example", Type.A);
    upstream.script((q, r) -> {});
    Thread stuck = new Thread(() -> query("stuck.zone.example", Type.A));
    stuck.start();

    assertThat(millisFor("ads.blocked.example", Type.A)).isLessThan(100L);
    assertThat(millisFor("cached.zone.example", Type.A)).isLessThan(100L);
    assertThat(millisFor("4.3.2.10.in-addr.arpa", Type.PTR)).isLessThan(100L);
    stuck.join();
  }

  @Test
  void privateReverseLookup_isAnsweredLocallyWithNxdomainAndTheZoneSoa() throws Exception {
    Message m = sinkhole.probe().query("7.1.16.172.in-addr.arpa", Type.PTR);

    assertThat(m.getRcode()).isEqualTo(Rcode.NXDOMAIN);
    assertThat(m.getSection(Section.AUTHORITY))
        .singleElement()
        .isInstanceOfSatisfying(
            SOARecord.class,
            soa -> assertThat(soa.getName().toString()).isEqualTo("16.172.in-addr.arpa."));
    assertThat(upstream.udpQueriesFor("7.1.16.172.in-addr.arpa.")).isZero();
    JsonNode row = lastEvent("7.1.16.172.in-addr.arpa");
    assertThat(row.get("Action").asText()).isEqualTo("local");
    assertThat(metric("local", "PTR")).isPositive();
  }

  @Test
  void linkLocalAndUlaIpv6Reverse_areLocal_andTheZoneApexIsNodata() throws Exception {
    String ula = "1.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.d.f.ip6.arpa";
    String linkLocal = "1.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.8.e.f.ip6.arpa";

    assertThat(sinkhole.probe().query(ula, Type.PTR).getRcode()).isEqualTo(Rcode.NXDOMAIN);
    assertThat(sinkhole.probe().query(linkLocal, Type.PTR).getRcode()).isEqualTo(Rcode.NXDOMAIN);
    Message apex = sinkhole.probe().query("10.in-addr.arpa", Type.PTR);
    assertThat(apex.getRcode()).isEqualTo(Rcode.NOERROR);
    assertThat(apex.getSection(Section.ANSWER)).isEmpty();
    assertThat(upstream.udpQueries())
        .noneMatch(q -> q.getQuestion().getName().toString().endsWith("ip6.arpa."));
  }

  @Test
  void configuredForwardOverride_andPublicReverse_areForwarded() throws Exception {
    sinkhole.probe().query("1.1.168.192.in-addr.arpa", Type.PTR);
    sinkhole.probe().query("10.2.0.198.in-addr.arpa", Type.PTR);

    assertThat(upstream.udpQueriesFor("1.1.168.192.in-addr.arpa.")).isEqualTo(1);
    assertThat(upstream.udpQueriesFor("10.2.0.198.in-addr.arpa.")).isEqualTo(1);
  }

  @Test
  void repeatedQuestion_isAnsweredFromCache_countedCached_withTtlCountedDown() throws Exception {
    upstream.script((q, r) -> r.send(ScriptedUpstream.answer(q, "192.0.2.1", 300)));
    double before = metric("cached", "A");
    sinkhole.probe().query("again.zone.example", Type.A);
    ScriptedUpstream.sleep(1100);

    Message second = sinkhole.probe().query("AGAIN.zone.example", Type.A);

    assertThat(upstream.udpQueriesFor("again.zone.example.")).isEqualTo(1);
    assertThat(second.getQuestion().getName().toString()).isEqualTo("AGAIN.zone.example.");
    assertThat(second.getSection(Section.ANSWER))
        .singleElement()
        .extracting(Record::getTTL)
        .isEqualTo(299L);
    assertThat(metric("cached", "A") - before).isEqualTo(1.0);
    assertThat(sinkhole.metric("sinkhole_cache_requests_total{result=\"hit\"}")).isPositive();
  }

  @Test
  void blockedName_isBlockedEvenIfItsAnswerCouldBeCached() throws Exception {
    Message m = sinkhole.probe().query("blocked.example", Type.A);

    assertThat(m.getRcode()).isEqualTo(Rcode.NXDOMAIN);
    assertThat(upstream.udpQueriesFor("blocked.example.")).isZero();
  }

  private static long millisFor(String name, int type) throws Exception {
    long start = System.nanoTime();
    Message m = sinkhole.probe().query(name, type);
    assertThat(m.getRcode()).isNotEqualTo(Rcode.SERVFAIL);
    return (System.nanoTime() - start) / 1_000_000;
  }

  private static void query(String name, int type) {
    try {
      sinkhole.probe().query(name, type);
    } catch (Exception e) {
      // the point is only to keep the upstream busy
    }
  }

  private static double metric(String outcome, String qtype) throws Exception {
    return sinkhole.metric(
        "sinkhole_queries_total{outcome=\""
            + outcome
            + "\",protocol=\"udp\",qtype=\""
            + qtype
            + "\"}");
  }

  private static JsonNode lastEvent(String name) throws Exception {
    long deadline = System.nanoTime() + 5_000_000_000L;
    while (System.nanoTime() < deadline) {
      List<JsonNode> rows = sinkhole.readEvents();
      for (int i = rows.size() - 1; i >= 0; i--) {
        if (rows.get(i).get("Name").asText().equals(name)) {
          return rows.get(i);
        }
      }
      ScriptedUpstream.sleep(20);
    }
    throw new AssertionError("no event for " + name);
  }
}

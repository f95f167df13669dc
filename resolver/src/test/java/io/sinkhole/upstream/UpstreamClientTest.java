package io.sinkhole.upstream;

import static org.assertj.core.api.Assertions.assertThat;

import io.sinkhole.testing.RunningSinkhole;
import io.sinkhole.testing.ScriptedUpstream;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.xbill.DNS.ARecord;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Flags;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.Section;
import org.xbill.DNS.Type;

/**
 * The whole server against a scripted upstream that misbehaves on purpose (issue #4): spoofed and
 * garbled replies, truncation, silence, slowness. Every test uses its own names so that the cache
 * and in-flight merging of one test cannot help another.
 */
class UpstreamClientTest {
  static ScriptedUpstream upstream;
  static RunningSinkhole sinkhole;

  @BeforeAll
  static void start() throws Exception {
    upstream =
        ScriptedUpstream.start((q, r) -> r.send(ScriptedUpstream.answer(q, "192.0.2.1", 300)));
    sinkhole =
        RunningSinkhole.start(
            upstream.hostPort(),
            "forwarding:\n  timeout_ms: 300\n  deadline_ms: 700\n  max_in_flight: 4\n"
                + "  sockets: 4\n");
  }

  @AfterAll
  static void stop() {
    if (sinkhole != null) {
      sinkhole.close();
    }
    if (upstream != null) {
      upstream.close();
    }
  }

  @Test
  void spoofedReplies_wrongIdQuestionPortAddressOrGarbage_areIgnored() throws Exception {
    upstream.script(
        (q, r) -> {
          Message wrongId = ScriptedUpstream.answer(q, "192.0.2.66", 300);
          wrongId.getHeader().setID((q.getHeader().getID() + 1) & 0xffff);
          r.send(wrongId);
          r.send(otherQuestion(q));
          r.sendFrom(InetAddress.getLoopbackAddress(), ScriptedUpstream.answer(q, "192.0.2.67", 1));
          r.sendFrom(
              InetAddress.getByName("127.0.0.2"), ScriptedUpstream.answer(q, "192.0.2.68", 1));
          r.send(new byte[] {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14});
          r.send(garbledWithRightHeader(q));
          ScriptedUpstream.sleep(30);
          r.send(ScriptedUpstream.answer(q, "192.0.2.1", 300));
        });

    Message m = sinkhole.probe().query("spoof.zone.example", Type.A);

    assertThat(m.getRcode()).isEqualTo(Rcode.NOERROR);
    assertThat(addresses(m)).containsExactly("192.0.2.1");
  }

  @Test
  void queries_leaveFromSeveralRandomSourcePorts() throws Exception {
    int before = upstream.udpSourcePorts().size();
    for (int i = 0; i < 24; i++) {
      sinkhole.probe().query("port" + i + ".zone.example", Type.A);
    }

    List<Integer> ports = upstream.udpSourcePorts();
    assertThat(new HashSet<>(ports.subList(before, ports.size()))).hasSizeGreaterThan(1);
  }

  @Test
  void identicalQuestionsInFlight_areSentOnce_andEveryClientGetsItsOwnId() throws Exception {
    upstream.script(
        (q, r) -> ScriptedUpstream.later(150, r, ScriptedUpstream.answer(q, "192.0.2.1", 300)));

    List<Message> answers = concurrently(4, "merge.zone.example");

    assertThat(upstream.udpQueriesFor("merge.zone.example.")).isEqualTo(1);
    assertThat(answers).allSatisfy(a -> assertThat(addresses(a)).containsExactly("192.0.2.1"));
  }

  @Test
  void truncatedAnswer_isRetriedOverTcpToTheSameUpstream_andTheFullAnswerIsUsed() throws Exception {
    upstream.script((q, r) -> r.send(truncated(q)));
    upstream.tcpScript(
        (q, r) -> {
          Message m = ScriptedUpstream.answer(q, "192.0.2.1", 300);
          m.addRecord(
              new ARecord(
                  q.getQuestion().getName(), DClass.IN, 300, InetAddress.getByName("192.0.2.2")),
              Section.ANSWER);
          r.send(m);
        });
    int tcpBefore = upstream.tcpQueries().size();

    Message m = sinkhole.probe().query("big.zone.example", Type.A);

    assertThat(m.getHeader().getFlag(Flags.TC)).isFalse();
    assertThat(addresses(m)).containsExactlyInAnyOrder("192.0.2.1", "192.0.2.2");
    assertThat(upstream.tcpQueries()).hasSize(tcpBefore + 1);
  }

  @Test
  void truncatedAnswer_whenTcpFails_isNeitherRelayedNorCached() throws Exception {
    upstream.script((q, r) -> r.send(truncated(q)));
    upstream.tcpScript((q, r) -> {});

    Message first = sinkhole.probe().query("tc-fail.zone.example", Type.A);
    long asked = upstream.udpQueriesFor("tc-fail.zone.example.");
    Message second = sinkhole.probe().query("tc-fail.zone.example", Type.A);

    assertThat(first.getRcode()).isEqualTo(Rcode.SERVFAIL);
    assertThat(second.getRcode()).isEqualTo(Rcode.SERVFAIL);
    assertThat(upstream.udpQueriesFor("tc-fail.zone.example.")).isGreaterThan(asked);
  }

  @Test
  void silentUpstream_clientGetsServfailWithinTheDeadline() throws Exception {
    upstream.script((q, r) -> {});

    long start = System.nanoTime();
    Message m = sinkhole.probe().query("silent.zone.example", Type.A);
    long millis = (System.nanoTime() - start) / 1_000_000;

    assertThat(m.getRcode()).isEqualTo(Rcode.SERVFAIL);
    assertThat(millis).isBetween(550L, 1500L);
    assertThat(upstream.udpQueriesFor("silent.zone.example.")).isEqualTo(2);
  }

  @Test
  void inFlightLimitReached_furtherQueriesFailFastWithServfail() throws Exception {
    upstream.script((q, r) -> {});
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      for (int i = 0; i < 4; i++) {
        String name = "hang" + i + ".zone.example";
        pool.submit(() -> sinkhole.probe().query(name, Type.A));
      }
      ScriptedUpstream.sleep(100);

      long start = System.nanoTime();
      Message m = sinkhole.probe().query("one-too-many.zone.example", Type.A);
      long millis = (System.nanoTime() - start) / 1_000_000;

      assertThat(m.getRcode()).isEqualTo(Rcode.SERVFAIL);
      assertThat(millis).isLessThan(200L);
      assertThat(upstream.udpQueriesFor("one-too-many.zone.example.")).isZero();
    } finally {
      pool.shutdown();
    }
    ScriptedUpstream.sleep(800);
  }

  static List<Message> concurrently(int clients, String name) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(clients);
    try {
      List<Future<Message>> futures = new ArrayList<>();
      for (int i = 0; i < clients; i++) {
        futures.add(pool.submit(() -> sinkhole.probe().query(name, Type.A)));
      }
      List<Message> out = new ArrayList<>();
      for (Future<Message> f : futures) {
        out.add(f.get());
      }
      return out;
    } finally {
      pool.shutdown();
    }
  }

  static List<String> addresses(Message m) {
    return m.getSection(Section.ANSWER).stream()
        .filter(ARecord.class::isInstance)
        .map(r -> ((ARecord) r).getAddress().getHostAddress())
        .toList();
  }

  private static Message otherQuestion(Message q) throws Exception {
    Message other =
        Message.newQuery(Record.newRecord(Name.fromString("other.example."), Type.A, DClass.IN));
    Message m = ScriptedUpstream.answer(other, "192.0.2.69", 300);
    m.getHeader().setID(q.getHeader().getID());
    return m;
  }

  /** Our ID and flags, then bytes that are no question at all. */
  private static byte[] garbledWithRightHeader(Message q) {
    byte[] b = new byte[40];
    int id = q.getHeader().getID();
    b[0] = (byte) (id >> 8);
    b[1] = (byte) id;
    b[2] = (byte) 0x81;
    b[5] = 1;
    for (int i = 12; i < b.length; i++) {
      b[i] = (byte) 0xc0;
    }
    return b;
  }

  private static Message truncated(Message q) throws Exception {
    Message m = ScriptedUpstream.answer(q, "192.0.2.99", 300);
    m.getHeader().setFlag(Flags.TC);
    return m;
  }
}

package io.sinkhole;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.sinkhole.testing.ChildSinkhole;
import io.sinkhole.testing.DelayedUpstream;
import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.PortUnreachableException;
import java.net.SocketTimeoutException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xbill.DNS.ARecord;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.Section;
import org.xbill.DNS.Type;

/**
 * SIGTERM to a real Sinkhole process under load (issue #7): it stops taking queries, answers the
 * ones in flight, writes their events, and exits 0.
 */
class GracefulShutdownTest {
  private static final int BURST = 40;
  private static final long UPSTREAM_DELAY_MS = 1500;

  /** No probes: the scripted upstream's query count must be the clients' alone. */
  private static final String CONFIG =
      "forwarding:\n  timeout_ms: 5000\nhealth:\n  probe_interval_ms: 0\n";

  @TempDir Path dir;

  @Test
  void sigterm_underLoad_answersEveryQueryInFlight_writesEveryEvent_andExitsZero()
      throws Exception {
    try (DelayedUpstream slow = DelayedUpstream.start(0, UPSTREAM_DELAY_MS);
        ChildSinkhole child =
            ChildSinkhole.start(dir, slow.hostPort(), CONFIG + "shutdown:\n  grace_ms: 5000\n");
        DatagramSocket client = new DatagramSocket()) {
      client.connect(child.dns());
      for (int id = 1; id <= BURST; id++) {
        send(client, id, "burst-" + id + ".zone.example");
      }
      awaitUpstreamReceived(slow, BURST);

      child.process().destroy();
      assertThat(child.awaitLog("stopped taking queries", Duration.ofSeconds(5))).isTrue();
      send(client, 999, "late.zone.example");
      Map<Integer, Message> answers = receive(client, BURST, Duration.ofSeconds(10));

      assertThat(child.process().waitFor(20, TimeUnit.SECONDS)).as(child.log()).isTrue();
      // Anything sent before the exit is in our socket buffer by now.
      answers.putAll(receive(client, 1, Duration.ofMillis(200)));
      assertThat(child.process().exitValue()).as(child.log()).isZero();
      assertThat(answers.keySet()).as("answered IDs").hasSize(BURST).doesNotContain(999);
      assertThat(answers.values())
          .allSatisfy(m -> assertThat(m.getRcode()).isEqualTo(Rcode.NOERROR))
          .allSatisfy(
              m -> assertThat(m.getSection(Section.ANSWER)).hasOnlyElementsOfType(ARecord.class));
      assertThat(eventNames(child.eventsFile()))
          .hasSize(BURST)
          .allMatch(n -> n.startsWith("burst-"))
          .doesNotHaveDuplicates();
      assertThat(child.log()).contains("SIGTERM received", "every query in flight answered");
    }
  }

  @Test
  void sigterm_withAnswersSlowerThanTheGracePeriod_exitsZeroWhenTheGraceEnds() throws Exception {
    try (DelayedUpstream tooSlow = DelayedUpstream.start(0, 20_000);
        ChildSinkhole child =
            ChildSinkhole.start(dir, tooSlow.hostPort(), CONFIG + "shutdown:\n  grace_ms: 300\n");
        DatagramSocket client = new DatagramSocket()) {
      client.connect(child.dns());
      for (int id = 1; id <= 5; id++) {
        send(client, id, "stuck-" + id + ".zone.example");
      }
      awaitUpstreamReceived(tooSlow, 5);

      long start = System.nanoTime();
      child.process().destroy();

      assertThat(child.process().waitFor(10, TimeUnit.SECONDS)).as(child.log()).isTrue();
      long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
      assertThat(child.process().exitValue()).as(child.log()).isZero();
      assertThat(millis)
          .as("exit after the 300 ms grace")
          .isGreaterThanOrEqualTo(300)
          .isLessThan(5_000);
      assertThat(child.log()).contains("grace period over", "5 queries in flight get no answer");
    }
  }

  private static void send(DatagramSocket client, int id, String name) throws IOException {
    Message q = Message.newQuery(Record.newRecord(Name.fromString(name + "."), Type.A, DClass.IN));
    q.getHeader().setID(id);
    byte[] wire = q.toWire();
    client.send(new DatagramPacket(wire, wire.length));
  }

  private static void awaitUpstreamReceived(DelayedUpstream upstream, int count)
      throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
    while (upstream.received() < count && System.nanoTime() < deadline) {
      Thread.sleep(5);
    }
    assertThat(upstream.received()).as("queries forwarded before SIGTERM").isEqualTo(count);
  }

  /** Answers by ID, until {@code max} arrived or nothing came for the rest of {@code timeout}. */
  private static Map<Integer, Message> receive(DatagramSocket client, int max, Duration timeout)
      throws IOException {
    Map<Integer, Message> answers = new HashMap<>();
    long deadline = System.nanoTime() + timeout.toNanos();
    byte[] buf = new byte[4096];
    while (answers.size() < max && System.nanoTime() < deadline) {
      client.setSoTimeout(
          (int) Math.max(1, TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime())));
      DatagramPacket p = new DatagramPacket(buf, buf.length);
      try {
        client.receive(p);
      } catch (SocketTimeoutException | PortUnreachableException e) {
        break;
      }
      Message m = new Message(Arrays.copyOf(p.getData(), p.getLength()));
      answers.put(m.getHeader().getID(), m);
    }
    return answers;
  }

  private static List<String> eventNames(Path events) throws IOException {
    ObjectMapper json = new ObjectMapper();
    List<String> names = new ArrayList<>();
    for (String line : Files.readAllLines(events)) {
      JsonNode row = json.readTree(line);
      names.add(row.get("Name").asText());
    }
    return names;
  }
}

package io.sinkhole.transport;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.sinkhole.testing.Packets;
import io.sinkhole.testing.RawDns;
import io.sinkhole.testing.RunningSinkhole;
import io.sinkhole.testing.UnboundUpstream;
import java.nio.file.Files;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Section;
import org.xbill.DNS.Type;

/**
 * Malformed and hostile packets sent with a raw socket to the running server: FORMERR when the
 * header is readable, silence otherwise, one counter per reason, nothing above DEBUG in the log,
 * and the server keeps answering (issue #4).
 */
class HostileInputEndToEndTest {
  static UnboundUpstream unbound;
  static RunningSinkhole sinkhole;

  @BeforeAll
  static void start() throws Exception {
    unbound = UnboundUpstream.start();
    sinkhole = RunningSinkhole.start(unbound.hostPort(), "");
  }

  @AfterAll
  static void stop() {
    sinkhole.close();
    unbound.close();
  }

  /** Packets whose header is readable, by the reason they are counted under. */
  static Map<String, byte[]> formerrPackets() {
    Map<String, byte[]> m = new LinkedHashMap<>();
    m.put("qdcount", Packets.header(7, 0, 0, 0, 0).bytes());
    m.put("qdcount ", Packets.header(7, 2, 0, 0, 0).name("a", "example").u16(1).u16(1).bytes());
    m.put("label type", Packets.header(7, 1, 0, 0, 0).u8(64).bytes());
    m.put(
        "name too long",
        Packets.query(7, "a".repeat(63), "b".repeat(63), "c".repeat(63), "d".repeat(63), "e"));
    m.put("compression pointer", Packets.header(7, 1, 0, 0, 0).u16(0xc00c).u16(1).u16(1).bytes());
    m.put(
        "compression pointer ",
        Packets.header(7, 1, 0, 0, 1)
            .name("a", "example")
            .u16(1)
            .u16(1)
            .u16(0xc000 | 200)
            .u16(41)
            .u16(512)
            .u32(0)
            .u16(0)
            .bytes());
    m.put(
        "truncated record",
        Packets.header(7, 1, 0, 0, 1)
            .name("a", "example")
            .u16(1)
            .u16(1)
            .u8(0)
            .u16(41)
            .u16(512)
            .u32(0)
            .u16(100)
            .u8(1)
            .bytes());
    m.put(
        "trailing bytes",
        Packets.header(7, 1, 0, 0, 0).name("a", "example").u16(1).u16(1).u32(0xdeadbeefL).bytes());
    m.put(
        "duplicate opt",
        Packets.header(7, 1, 0, 0, 2)
            .name("a", "example")
            .u16(1)
            .u16(1)
            .opt(1232, 0, false)
            .opt(1232, 0, false)
            .bytes());
    m.put("truncated name", Packets.header(7, 1, 0, 0, 0).u8(10).u8('a').bytes());
    return m;
  }

  @Test
  void malformedQuery_withReadableHeader_getsFormerr_isCounted_andServerKeepsAnswering()
      throws Exception {
    ListAppender<ILoggingEvent> log = captureLog();
    for (Map.Entry<String, byte[]> e : formerrPackets().entrySet()) {
      String reason = e.getKey().trim();
      String series = "sinkhole_malformed_queries_total{reason=\"" + reason + "\"}";
      double before = sinkhole.metric(series);

      byte[] answer = RawDns.udp(sinkhole.dns(), e.getValue(), 2000);

      assertThat(answer).as(e.getKey()).isNotNull().hasSize(12);
      assertThat(answer[0] << 8 | answer[1] & 0xff).as(e.getKey()).isEqualTo(7);
      assertThat(answer[3] & 0x0f).as(e.getKey()).isEqualTo(Rcode.FORMERR);
      assertThat(sinkhole.metric(series) - before).as(e.getKey()).isEqualTo(1.0);
    }
    assertNormalQueryStillAnswered();
    releaseLog(log);
    assertThat(log.list).isNotEmpty();
    assertThat(log.list).allSatisfy(ev -> assertThat(ev.getLevel()).isEqualTo(Level.DEBUG));
  }

  @Test
  void unreadableHeaderOrResponse_isDropped_andCounted() throws Exception {
    double before = sinkhole.metric("sinkhole_malformed_queries_total{reason=\"short header\"}");
    byte[] response = Packets.query(9, "a", "example");
    response[2] |= (byte) 0x80;

    assertThat(RawDns.udp(sinkhole.dns(), new byte[] {1, 2, 3, 4, 5}, 300)).isNull();
    assertThat(RawDns.udp(sinkhole.dns(), response, 300)).isNull();
    assertThat(
            sinkhole.metric("sinkhole_malformed_queries_total{reason=\"short header\"}") - before)
        .isEqualTo(1.0);
    assertNormalQueryStillAnswered();
  }

  @Test
  void hostileQueryName_isEscapedInEvent_asExactlyOneValidJsonLine() throws Exception {
    byte[] q = Packets.query(11, "Q\"b\\c\u0001\nd.e", "example");
    long linesBefore = Files.readAllLines(sinkhole.eventsFile()).size();

    assertThat(RawDns.udp(sinkhole.dns(), q, 3000)).isNotNull();
    List<JsonNode> rows = sinkhole.awaitEvents((int) linesBefore + 1);

    List<String> lines = Files.readAllLines(sinkhole.eventsFile());
    assertThat(lines).hasSize(rows.size());
    JsonNode last = new ObjectMapper().readTree(lines.get(lines.size() - 1));
    assertThat(last.get("Name").asText()).isEqualTo("q\\\"b\\\\c\\001\\010d\\.e.example");
    assertThat(last.get("TransactionId").asInt()).isEqualTo(11);
  }

  private static void assertNormalQueryStillAnswered() throws Exception {
    var m = sinkhole.probe().query("www." + UnboundUpstream.ZONE, Type.A);
    assertThat(m.getSection(Section.ANSWER)).isNotEmpty();
  }

  /** Records what the intake logs, at every level, so the test can see the loudest. */
  private static ListAppender<ILoggingEvent> captureLog() {
    Logger intake = (Logger) LoggerFactory.getLogger(QueryIntake.class);
    intake.setLevel(Level.TRACE);
    intake.setAdditive(false);
    ListAppender<ILoggingEvent> appender = new ListAppender<>();
    appender.start();
    intake.addAppender(appender);
    return appender;
  }

  private static void releaseLog(ListAppender<ILoggingEvent> appender) {
    Logger intake = (Logger) LoggerFactory.getLogger(QueryIntake.class);
    intake.detachAppender(appender);
    intake.setLevel(null);
    intake.setAdditive(true);
  }
}

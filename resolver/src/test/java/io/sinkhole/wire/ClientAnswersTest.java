package io.sinkhole.wire;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.sinkhole.testing.Packets;
import java.net.InetAddress;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.xbill.DNS.ARecord;
import org.xbill.DNS.DClass;
import org.xbill.DNS.DNSSEC;
import org.xbill.DNS.Flags;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.OPTRecord;
import org.xbill.DNS.RRSIGRecord;
import org.xbill.DNS.Section;
import org.xbill.DNS.Type;

class ClientAnswersTest {
  static final ByteBufAllocator ALLOC = ByteBufAllocator.DEFAULT;

  /** What lets the UDP listener send answers made here without preparing them (issue #5). */
  @Test
  void answersMadeHere_areLeftUnchangedByPrepare() throws Exception {
    byte[] plain = Packets.query(0x1234, "x", "bad", "example");
    byte[] edns =
        Packets.header(7, 1, 0, 0, 1)
            .name("x", "bad", "example")
            .u16(1)
            .u16(1)
            .opt(4096, 0, true)
            .bytes();
    ExtendedError ede = new ExtendedError(15, "feed threatfox");
    for (byte[] query : new byte[][] {plain, edns}) {
      ByteBuf in = Unpooled.wrappedBuffer(query);
      Query q = QueryParser.parse(in);
      ByteBuf[] made = new ByteBuf[3];
      made[0] = ALLOC.buffer();
      LocalAnswers.negative(made[0], in, q, Rcode.NXDOMAIN, 1, 300, ede);
      made[1] = ALLOC.buffer();
      LocalAnswers.addresses(
          made[1], in, q, java.util.List.of(new byte[] {0, 0, 0, 0}), 0, 300, ede);
      made[2] = ALLOC.buffer();
      LocalAnswers.empty(made[2], in, q, Rcode.SERVFAIL, null);
      for (ByteBuf answer : made) {
        byte[] before = ByteBufUtil.getBytes(answer);
        ByteBuf out =
            ClientAnswers.prepare(
                answer, in, q, q.edns() ? 1232 : 512, LocalAnswers.OUR_UDP_PAYLOAD, ALLOC);

        assertThat(ByteBufUtil.getBytes(out)).isEqualTo(before);
        out.release();
      }
    }
  }

  @Test
  void answerOver512_clientWithoutEdns_becomesHeaderAndQuestionWithTc() throws Exception {
    byte[] query = Packets.query(0x1234, "Big", "example");
    Message big = answer(query, 40, false, false);

    Message out = prepare(query, big, 512);

    assertThat(out.getHeader().getFlag(Flags.TC)).isTrue();
    assertThat(out.getHeader().getID()).isEqualTo(0x1234);
    assertThat(out.getQuestion().getName().toString()).isEqualTo("Big.example.");
    assertThat(out.getSection(Section.ANSWER)).isEmpty();
    assertThat(out.getOPT()).isNull();
  }

  @Test
  void answerOverPayload_clientWithEdns_keepsOptWithDoAndOurPayload() throws Exception {
    byte[] query =
        Packets.header(7, 1, 0, 0, 1)
            .name("big", "example")
            .u16(1)
            .u16(1)
            .opt(4096, 0, true)
            .bytes();
    Message big = answer(query, 100, true, false);

    Message out = prepare(query, big, 1232);

    assertThat(out.getHeader().getFlag(Flags.TC)).isTrue();
    assertThat(out.getOPT().getPayloadSize()).isEqualTo(1232);
    assertThat(out.getOPT().getFlags()).isEqualTo(org.xbill.DNS.ExtendedFlags.DO);
    assertThat(out.toWire().length).isLessThanOrEqualTo(1232);
  }

  @Test
  void rrsigAndAd_removedForClientWithoutDo_keptForClientWithDo() throws Exception {
    byte[] plain = Packets.query(1, "signed", "example");
    byte[] withDo = ednsQuery(true);

    Message stripped = prepare(plain, answer(plain, 1, false, true), 512);
    Message kept = prepare(withDo, answer(withDo, 1, true, true), 1232);

    assertThat(stripped.getHeader().getFlag(Flags.AD)).isFalse();
    assertThat(stripped.getSection(Section.ANSWER)).singleElement().isInstanceOf(ARecord.class);
    assertThat(kept.getHeader().getFlag(Flags.AD)).isTrue();
    assertThat(kept.getSection(Section.ANSWER)).hasSize(2);
  }

  /**
   * A signed answer that dnsjava refuses to read (with an unchecked exception), for a client
   * without DO: the signature cannot be stripped, so the client gets SERVFAIL rather than the
   * signature or an exception on the event loop.
   */
  @Test
  void signedAnswerDnsjavaRefuses_clientWithoutDo_getsServfail() throws Exception {
    assertServfailWithoutDo(1, Packets.answerDnsjavaRefuses(1, "signed", "example"));
  }

  /** The same for an answer dnsjava reads but throws on writing back (found in review). */
  @Test
  void signedAnswerDnsjavaCannotWrite_clientWithoutDo_getsServfail() throws Exception {
    assertServfailWithoutDo(11, Packets.answerDnsjavaCannotWrite(1, "signed", "example"));
  }

  private static void assertServfailWithoutDo(int qtype, byte[] wire) throws Exception {
    byte[] plain =
        Packets.header(1, 1, 0, 0, 0).name("signed", "example").u16(qtype).u16(1).bytes();
    ByteBuf qbuf = Unpooled.wrappedBuffer(plain);
    Query q = QueryParser.parse(qbuf);

    ByteBuf out = ClientAnswers.prepare(Unpooled.wrappedBuffer(wire), qbuf, q, 512, 1232, ALLOC);
    try {
      Message m = new Message(ByteBufUtil.getBytes(out));
      assertThat(m.getRcode()).isEqualTo(org.xbill.DNS.Rcode.SERVFAIL);
      assertThat(m.getSection(Section.ANSWER)).isEmpty();
    } finally {
      out.release();
      qbuf.release();
    }
  }

  /**
   * A cache hit is prepared with the layout found when it was stored, without a walk: the result is
   * byte for byte what preparing with a walk gives, for clients with and without EDNS and DO,
   * signed and unsigned answers, answers that fit and answers that must be truncated.
   */
  @Test
  void preparingWithTheStoredLayout_givesTheSameBytesAsWalking() throws Exception {
    byte[] plain = Packets.query(1, "signed", "example");
    byte[] withDo = ednsQuery(true);
    byte[] withEdns = ednsQuery(false);
    int compared = 0;
    for (byte[] query : new byte[][] {plain, withDo, withEdns}) {
      boolean edns = query != plain;
      for (boolean signed : new boolean[] {false, true}) {
        for (int count : new int[] {1, 60}) {
          byte[] wire = answer(query, count, edns, signed).toWire();
          int layout = ClientAnswers.layout(wire);
          assertThat(layout).isNotEqualTo(ClientAnswers.UNKNOWN_LAYOUT);
          for (int maxSize : new int[] {512, 1232}) {
            byte[] walked = prepared(query, wire, maxSize, ClientAnswers.UNKNOWN_LAYOUT);
            byte[] known = prepared(query, wire, maxSize, layout);

            assertThat(known).isEqualTo(walked);
            compared++;
          }
        }
      }
    }
    assertThat(compared).isEqualTo(24);
  }

  private static byte[] prepared(byte[] query, byte[] wire, int maxSize, int layout)
      throws Exception {
    ByteBuf qbuf = Unpooled.wrappedBuffer(query);
    Query q = QueryParser.parse(qbuf);
    ByteBuf out =
        ClientAnswers.prepare(Unpooled.copiedBuffer(wire), qbuf, q, maxSize, 1232, ALLOC, layout);
    try {
      return ByteBufUtil.getBytes(out);
    } finally {
      out.release();
      qbuf.release();
    }
  }

  /** A query for signed.example A with EDNS (payload 1232) and the DO bit as given. */
  static byte[] ednsQuery(boolean dnssecOk) {
    return Packets.header(1, 1, 0, 0, 1)
        .name("signed", "example")
        .u16(1)
        .u16(1)
        .opt(1232, 0, dnssecOk)
        .bytes();
  }

  /** An upstream-style answer with {@code count} A records, AD set, optionally signed. */
  static Message answer(byte[] query, int count, boolean opt, boolean signed) throws Exception {
    Message q = new Message(query);
    Message m = new Message(q.getHeader().getID());
    m.getHeader().setFlag(Flags.QR);
    m.getHeader().setFlag(Flags.AD);
    m.addRecord(q.getQuestion(), Section.QUESTION);
    Name owner = q.getQuestion().getName();
    for (int i = 0; i < count; i++) {
      InetAddress a = InetAddress.getByAddress(new byte[] {(byte) 192, 0, 2, (byte) i});
      m.addRecord(new ARecord(owner, DClass.IN, 60, a), Section.ANSWER);
    }
    if (signed) {
      Instant now = Instant.now();
      m.addRecord(
          new RRSIGRecord(
              owner,
              DClass.IN,
              60,
              Type.A,
              DNSSEC.Algorithm.ECDSAP256SHA256,
              60,
              now.plusSeconds(60),
              now,
              1,
              Name.fromString("example."),
              new byte[64]),
          Section.ANSWER);
    }
    if (opt) {
      m.addRecord(new OPTRecord(4096, 0, 0, q.getOPT().getFlags()), Section.ADDITIONAL);
    }
    return m;
  }

  static Message prepare(byte[] query, Message answer, int maxSize) throws Exception {
    ByteBuf qbuf = Unpooled.wrappedBuffer(query);
    Query q = QueryParser.parse(qbuf);
    ByteBuf out =
        ClientAnswers.prepare(
            Unpooled.wrappedBuffer(answer.toWire()), qbuf, q, maxSize, 1232, ALLOC);
    try {
      return new Message(ByteBufUtil.getBytes(out));
    } finally {
      out.release();
      qbuf.release();
    }
  }
}

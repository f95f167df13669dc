package io.sinkhole.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.sinkhole.testing.Packets;
import org.junit.jupiter.api.Test;

class QueryParserTest {
  @Test
  void name_isFoldedToLowerCase_inWireLabels_withDotInsideLabelKept() throws Exception {
    Query q = parse(Packets.query(1, "A.b", "EXAMPLE"));

    assertThat(q.labelCount()).isEqualTo(2);
    assertThat(q.presentationName()).isEqualTo("a\\.b.example");
    assertThat(q.nameBytes()[0]).isEqualTo((byte) 3);
  }

  @Test
  void optRecord_setsPayloadVersionAndDo_andSmallPayloadCountsAs512() throws Exception {
    Query q =
        parse(
            Packets.header(1, 1, 0, 0, 1)
                .name("a", "example")
                .u16(1)
                .u16(1)
                .opt(100, 1, true)
                .bytes());

    assertThat(q.edns()).isTrue();
    assertThat(q.udpPayload()).isEqualTo(512);
    assertThat(q.ednsVersion()).isEqualTo(1);
    assertThat(q.dnssecOk()).isTrue();
  }

  @Test
  void shortHeader_isUnreadable_soDropped() {
    assertThatThrownBy(() -> parse(new byte[11]))
        .isInstanceOfSatisfying(
            MalformedQueryException.class,
            e -> {
              assertThat(e.reason()).isEqualTo("short header");
              assertThat(e.headerReadable()).isFalse();
            });
  }

  @Test
  void labelOver63_andPointerInQuestion_andNameOver255_areFormerr() {
    assertReason(Packets.header(1, 1, 0, 0, 0).u8(0x40).bytes(), "label type");
    assertReason(Packets.header(1, 1, 0, 0, 0).u8(0x80).bytes(), "label type");
    assertReason(Packets.header(1, 1, 0, 0, 0).u16(0xc00c).bytes(), "compression pointer");
    String l = "x".repeat(63);
    assertReason(Packets.query(1, l, l, l, l, "y"), "name too long");
  }

  @Test
  void recordsPastEnd_forwardPointer_andGarbageAfter_areFormerr() {
    byte[] question = Packets.header(1, 1, 0, 0, 1).name("a").u16(1).u16(1).bytes();
    assertReason(concat(question, new byte[] {0, 0, 41}), "truncated record");
    assertReason(
        Packets.header(1, 1, 0, 0, 1)
            .name("a")
            .u16(1)
            .u16(1)
            .u16(0xc000 | 40)
            .u16(1)
            .u16(1)
            .u32(0)
            .u16(0)
            .bytes(),
        "compression pointer");
    assertReason(concat(Packets.query(1, "a"), new byte[] {1}), "trailing bytes");
  }

  private static void assertReason(byte[] packet, String reason) {
    assertThatThrownBy(() -> parse(packet))
        .isInstanceOfSatisfying(
            MalformedQueryException.class,
            e -> {
              assertThat(e.reason()).isEqualTo(reason);
              assertThat(e.headerReadable()).isTrue();
            });
  }

  static Query parse(byte[] packet) throws MalformedQueryException {
    ByteBuf buf = Unpooled.wrappedBuffer(packet);
    try {
      return QueryParser.parse(buf);
    } finally {
      buf.release();
    }
  }

  static byte[] concat(byte[] a, byte[] b) {
    byte[] out = java.util.Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, out, a.length, b.length);
    return out;
  }
}

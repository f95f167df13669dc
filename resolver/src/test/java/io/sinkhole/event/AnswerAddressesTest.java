package io.sinkhole.event;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.xbill.DNS.AAAARecord;
import org.xbill.DNS.ARecord;
import org.xbill.DNS.CNAMERecord;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Flags;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.Record;
import org.xbill.DNS.Section;
import org.xbill.DNS.Type;

class AnswerAddressesTest {
  private static final Name WWW = name("www.zone.example.");
  private static final Name ALIAS = name("alias.zone.example.");

  private static Name name(String s) {
    try {
      return Name.fromString(s);
    } catch (Exception e) {
      throw new IllegalArgumentException(e);
    }
  }

  private static byte[] answer(Record... records) {
    Message m = Message.newQuery(Record.newRecord(ALIAS, Type.A, DClass.IN));
    m.getHeader().setFlag(Flags.QR);
    for (Record r : records) {
      m.addRecord(r, Section.ANSWER);
    }
    return m.toWire(); // compresses owner names and CNAME targets into pointers
  }

  private static InetAddress ip(String s) throws Exception {
    return InetAddress.getByName(s);
  }

  /** The AAAA rdata of {@code v4} as an IPv4-mapped IPv6 address (::ffff:a.b.c.d). */
  private static byte[] mapped(String v4) throws Exception {
    byte[] mapped = new byte[16];
    mapped[10] = (byte) 0xff;
    mapped[11] = (byte) 0xff;
    System.arraycopy(ip(v4).getAddress(), 0, mapped, 12, 4);
    return mapped;
  }

  @Test
  void aliasChainWithAAndAaaa_listsAddressesInAnswerOrder() throws Exception {
    byte[] wire =
        answer(
            new CNAMERecord(ALIAS, DClass.IN, 60, WWW),
            new ARecord(WWW, DClass.IN, 60, ip("192.0.2.10")),
            new AAAARecord(WWW, DClass.IN, 60, ip("2001:db8::10")));

    assertThat(AnswerAddresses.joined(wire)).isEqualTo("192.0.2.10,2001:db8::10");
  }

  @Test
  void ipv4MappedAaaa_isWrittenAsIpv4() throws Exception {
    byte[] mapped = mapped("192.0.2.33");
    Record aaaa = Record.newRecord(WWW, Type.AAAA, DClass.IN, 60, mapped);

    assertThat(AnswerAddresses.joined(answer(aaaa))).isEqualTo("192.0.2.33");
  }

  /** The IPAddresses field written into a row, read back; null when the row has none. */
  private static String written(byte[] wire, boolean omitEmpty) throws Exception {
    JsonRow row = new JsonRow(omitEmpty);
    row.start();
    AnswerAddresses.write(row, JsonRow.key("IPAddresses"), wire);
    row.end();
    var read = new com.fasterxml.jackson.databind.ObjectMapper().readTree(row.toByteArray());
    return read.has("IPAddresses") ? read.get("IPAddresses").asText() : null;
  }

  @Test
  void writtenIntoTheRow_isTheJoinedText_forEveryShapeOfAnswer() throws Exception {
    byte[] mapped = mapped("192.0.2.33");
    byte[] chain =
        answer(
            new CNAMERecord(ALIAS, DClass.IN, 60, WWW),
            new ARecord(WWW, DClass.IN, 60, ip("192.0.2.10")),
            new AAAARecord(WWW, DClass.IN, 60, ip("2001:db8::10")),
            Record.newRecord(WWW, Type.AAAA, DClass.IN, 60, mapped),
            new ARecord(WWW, DClass.IN, 60, ip("255.0.9.100")));
    byte[] aliasOnly = answer(new CNAMERecord(ALIAS, DClass.IN, 60, WWW));
    byte[][] shapes = {
      chain,
      aliasOnly,
      Arrays.copyOf(chain, chain.length - 2),
      Arrays.copyOf(chain, 20),
      new byte[12],
      null
    };
    for (byte[] wire : shapes) {
      String joined = AnswerAddresses.joined(wire);

      assertThat(written(wire, false)).isEqualTo(joined);
      assertThat(written(wire, true)).isEqualTo(joined.isEmpty() ? null : joined);
    }
    assertThat(written(chain, true)).isEqualTo("192.0.2.10,2001:db8::10,192.0.2.33,255.0.9.100");
  }

  /**
   * IPv6 text written straight into the row is Netty's RFC 5952 text (the string path's), for
   * addresses with every pattern of zero groups: none, one, runs at the start, middle and end, two
   * runs of equal and of different length, all zeros.
   */
  @Test
  void ipv6Text_isNettysRfc5952Text_forEveryPatternOfZeroGroups() throws Exception {
    java.util.Random random = new java.util.Random(5952);
    for (int mask = 0; mask < 256; mask++) {
      for (int round = 0; round < 20; round++) {
        byte[] a = new byte[16];
        for (int g = 0; g < 8; g++) {
          if ((mask & 1 << g) != 0) {
            int v = round % 3 == 0 ? 1 + random.nextInt(15) : 1 + random.nextInt(0xffff);
            a[2 * g] = (byte) (v >>> 8);
            a[2 * g + 1] = (byte) v;
          }
        }
        if (a[10] == (byte) 0xff && a[11] == (byte) 0xff) {
          continue; // IPv4-mapped: written as IPv4, tested above
        }
        byte[] wire = answer(Record.newRecord(WWW, Type.AAAA, DClass.IN, 60, a));

        assertThat(written(wire, false)).isEqualTo(AnswerAddresses.joined(wire));
      }
    }
  }

  @Test
  void answerNearTheFieldLimit_isCutLikeAnyOtherField() throws Exception {
    Record[] records = new Record[2300];
    for (int i = 0; i < records.length; i++) {
      byte[] a = new byte[16];
      Arrays.fill(a, (byte) 0x11);
      a[14] = (byte) (i >> 8);
      a[15] = (byte) i;
      records[i] = Record.newRecord(WWW, Type.AAAA, DClass.IN, 60, a);
    }
    byte[] wire = answer(records); // ~64 KB of AAAA records: ~92,000 characters of addresses

    String text = written(wire, true);

    assertThat(text).endsWith(Fields.TRUNCATED);
    assertThat(text.getBytes(java.nio.charset.StandardCharsets.UTF_8).length)
        .isLessThanOrEqualTo(Fields.MAX_FIELD_BYTES);
  }

  @Test
  void headerOnlyAndNoAnswer_giveNoAddresses() {
    assertThat(AnswerAddresses.joined(new byte[12])).isEmpty();
    assertThat(AnswerAddresses.joined(null)).isEmpty();
  }

  @Test
  void answerCutShort_givesNoAddresses() throws Exception {
    byte[] wire = answer(new ARecord(WWW, DClass.IN, 60, ip("192.0.2.10")));

    assertThat(AnswerAddresses.joined(Arrays.copyOf(wire, wire.length - 2))).isEmpty();
  }
}

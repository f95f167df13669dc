package io.sinkhole.wire;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.xbill.DNS.AAAARecord;
import org.xbill.DNS.ARecord;
import org.xbill.DNS.CNAMERecord;
import org.xbill.DNS.DClass;
import org.xbill.DNS.DNAMERecord;
import org.xbill.DNS.Flags;
import org.xbill.DNS.HTTPSRecord;
import org.xbill.DNS.MXRecord;
import org.xbill.DNS.Message;
import org.xbill.DNS.NSRecord;
import org.xbill.DNS.Name;
import org.xbill.DNS.Record;
import org.xbill.DNS.SVCBRecord;
import org.xbill.DNS.Section;
import org.xbill.DNS.TXTRecord;
import org.xbill.DNS.Type;

class AnswerTypesTest {
  static final Name Q = name("q.zone.example.");
  static final Name T = name("t.zone.example.");

  static Name name(String s) {
    try {
      return Name.fromString(s);
    } catch (Exception e) {
      throw new IllegalArgumentException(e);
    }
  }

  /** An answer with {@code records} in the answer section and an NS in authority. */
  static byte[] answer(Record... records) throws Exception {
    Message m = Message.newQuery(Record.newRecord(Q, Type.A, DClass.IN));
    m.getHeader().setFlag(Flags.QR);
    for (Record r : records) {
      m.addRecord(r, Section.ANSWER);
    }
    m.addRecord(new NSRecord(name("zone.example."), DClass.IN, 60, T), Section.AUTHORITY);
    return m.toWire();
  }

  @Test
  void plainAddressesAndOtherData_needNoInspection_whileNoAddressIsListed() throws Exception {
    byte[] wire =
        answer(
            new ARecord(Q, DClass.IN, 60, InetAddress.getByName("192.0.2.1")),
            new AAAARecord(Q, DClass.IN, 60, InetAddress.getByName("2001:db8::1")),
            new TXTRecord(Q, DClass.IN, 60, "text"),
            new MXRecord(Q, DClass.IN, 60, 10, T));

    assertThat(AnswerTypes.nothingToInspect(wire, false)).isTrue();
    assertThat(AnswerTypes.nothingToInspect(wire, true)).as("addresses listed").isFalse();
    assertThat(AnswerTypes.nothingToInspect(answer(), false)).as("no answer").isTrue();
  }

  @Test
  void aliasesAndServiceBindings_areAlwaysInspected() throws Exception {
    Record[] inspected = {
      new CNAMERecord(Q, DClass.IN, 60, T),
      new DNAMERecord(Q, DClass.IN, 60, T),
      new HTTPSRecord(Q, DClass.IN, 60, 0, T, java.util.List.of()),
      new SVCBRecord(Q, DClass.IN, 60, 0, T, java.util.List.of())
    };
    for (Record r : inspected) {
      assertThat(AnswerTypes.nothingToInspect(answer(r), false)).as(r.toString()).isFalse();
    }
  }

  @Test
  void anAddressOfTheWrongLength_orAMessageThatDoesNotWalk_goesToTheParser() throws Exception {
    byte[] plain = answer(new ARecord(Q, DClass.IN, 60, InetAddress.getByName("192.0.2.1")));
    // The same A record alone, its data cut to three bytes and its length field saying so.
    Message one = Message.newQuery(Record.newRecord(Q, Type.A, DClass.IN));
    one.addRecord(
        new ARecord(Q, DClass.IN, 60, InetAddress.getByName("192.0.2.1")), Section.ANSWER);
    byte[] full = one.toWire();
    byte[] shortA = Arrays.copyOf(full, full.length - 1);
    shortA[full.length - 5] = 3;
    byte[] extra = Arrays.copyOf(plain, plain.length + 1);

    assertThat(AnswerTypes.nothingToInspect(shortA, false)).isFalse();
    assertThat(AnswerTypes.nothingToInspect(Arrays.copyOf(plain, plain.length - 1), false))
        .isFalse();
    assertThat(AnswerTypes.nothingToInspect(extra, false))
        .as("bytes after the last record")
        .isFalse();
    assertThat(AnswerTypes.nothingToInspect(new byte[11], false)).isFalse();
  }
}

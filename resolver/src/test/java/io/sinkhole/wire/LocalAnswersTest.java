package io.sinkhole.wire;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import java.net.InetAddress;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.xbill.DNS.AAAARecord;
import org.xbill.DNS.ARecord;
import org.xbill.DNS.DClass;
import org.xbill.DNS.EDNSOption;
import org.xbill.DNS.ExtendedErrorCodeOption;
import org.xbill.DNS.Flags;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.OPTRecord;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.SOARecord;
import org.xbill.DNS.Section;
import org.xbill.DNS.Type;

class LocalAnswersTest {

  /** Builds a query with dnsjava, parses it with ours, answers, and parses the answer back. */
  private static Message answer(String name, int type, boolean edns, Writer writer)
      throws Exception {
    Message query = Message.newQuery(Record.newRecord(Name.fromString(name), type, DClass.IN));
    query.getHeader().setFlag(Flags.AD);
    if (edns) {
      query.addRecord(new OPTRecord(4096, 0, 0, Flags.DO), Section.ADDITIONAL);
    }
    ByteBuf in = Unpooled.wrappedBuffer(query.toWire());
    ByteBuf out = Unpooled.buffer();
    try {
      writer.write(out, in, QueryParser.parse(in));
      return new Message(ByteBufUtil.getBytes(out));
    } finally {
      in.release();
      out.release();
    }
  }

  interface Writer {
    void write(ByteBuf out, ByteBuf in, Query q);
  }

  @Test
  void nxdomain_keepsClientSpelling_andOwnsSoaAtBlockedName() throws Exception {
    Message m =
        answer(
            "x.API.r0csgo.COM.",
            Type.A,
            false,
            (out, in, q) -> LocalAnswers.negative(out, in, q, Rcode.NXDOMAIN, 1, 60, null));

    assertThat(m.getRcode()).isEqualTo(Rcode.NXDOMAIN);
    assertThat(m.getQuestion().getName().toString()).isEqualTo("x.API.r0csgo.COM.");
    SOARecord soa = (SOARecord) m.getSection(Section.AUTHORITY).get(0);
    assertThat(soa.getName().toString()).isEqualTo("API.r0csgo.COM.");
    assertThat(soa.getMinimum()).isEqualTo(60);
    assertThat(soa.getTTL()).isEqualTo(60);
    assertThat(m.getOPT()).isNull();
  }

  @Test
  void madeUpAnswer_neverCarriesAd_evenWhenAsked() throws Exception {
    Message m =
        answer(
            "bad.example.",
            Type.A,
            true,
            (out, in, q) -> LocalAnswers.negative(out, in, q, Rcode.NXDOMAIN, 0, 60, null));

    assertThat(m.getHeader().getFlag(Flags.AD)).isFalse();
    assertThat(m.getHeader().getFlag(Flags.QR)).isTrue();
  }

  @Test
  void ednsQuery_getsOptWithExtendedError() throws Exception {
    ExtendedError ede = new ExtendedError(ExtendedError.BLOCKED, "feed x");
    Message m =
        answer(
            "bad.example.",
            Type.HTTPS,
            true,
            (out, in, q) -> LocalAnswers.negative(out, in, q, Rcode.NXDOMAIN, 0, 60, ede));

    List<EDNSOption> options = m.getOPT().getOptions();
    assertThat(options)
        .singleElement()
        .isInstanceOfSatisfying(
            ExtendedErrorCodeOption.class,
            o -> {
              assertThat(o.getErrorCode()).isEqualTo(15);
              assertThat(o.getText()).isEqualTo("feed x");
            });
    assertThat(m.getOPT().getPayloadSize()).isEqualTo(LocalAnswers.OUR_UDP_PAYLOAD);
  }

  @Test
  void addressMode_answersAandAaaa_andNodataForOtherTypes() throws Exception {
    List<byte[]> sink = List.of(new byte[4], new byte[16]);
    Writer w = (out, in, q) -> LocalAnswers.addresses(out, in, q, sink, 0, 30, null);

    Message a = answer("bad.example.", Type.A, false, w);
    Message aaaa = answer("bad.example.", Type.AAAA, false, w);
    Message txt = answer("bad.example.", Type.TXT, false, w);

    assertThat(((ARecord) a.getSection(Section.ANSWER).get(0)).getAddress())
        .isEqualTo(InetAddress.getByName("0.0.0.0"));
    assertThat(((AAAARecord) aaaa.getSection(Section.ANSWER).get(0)).getAddress())
        .isEqualTo(InetAddress.getByName("::"));
    assertThat(txt.getRcode()).isEqualTo(Rcode.NOERROR);
    assertThat(txt.getSection(Section.ANSWER)).isEmpty();
    assertThat(txt.getSection(Section.AUTHORITY)).hasOnlyElementsOfType(SOARecord.class);
  }

  @Test
  void refused_echoesQuestion() throws Exception {
    Message m =
        answer(
            "bad.example.",
            Type.MX,
            false,
            (out, in, q) -> LocalAnswers.empty(out, in, q, Rcode.REFUSED, null));

    assertThat(m.getRcode()).isEqualTo(Rcode.REFUSED);
    assertThat(m.getQuestion().getType()).isEqualTo(Type.MX);
  }
}

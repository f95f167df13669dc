package io.sinkhole.localzone;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.sinkhole.config.LocalZonesConfig;
import io.sinkhole.wire.Query;
import io.sinkhole.wire.QueryParser;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.Record;
import org.xbill.DNS.Type;

/** Which names are local, decided on wire labels without sockets (RFC 6303). */
class LocalZonesTest {
  private final LocalZones defaults = new LocalZones(new LocalZonesConfig(null, null));

  @Test
  void rfc1918Reverse_isLocal_atTheZoneLabel() throws Exception {
    assertThat(defaults.zoneLabel(query("3.2.1.10.in-addr.arpa."))).isEqualTo(3);
    assertThat(defaults.zoneLabel(query("9.0.31.172.in-addr.arpa."))).isEqualTo(2);
    assertThat(defaults.zoneLabel(query("1.1.168.192.IN-ADDR.ARPA."))).isEqualTo(2);
  }

  @Test
  void loopbackSharedAndLinkLocalReverse_areLocal() throws Exception {
    assertThat(defaults.zoneLabel(query("1.0.0.127.in-addr.arpa."))).isEqualTo(3);
    assertThat(defaults.zoneLabel(query("1.0.64.100.in-addr.arpa."))).isEqualTo(2);
    assertThat(defaults.zoneLabel(query("2.1.254.169.in-addr.arpa."))).isEqualTo(2);
    assertThat(defaults.zoneLabel(query("1." + "0.".repeat(31) + "ip6.arpa."))).isZero();
  }

  @Test
  void publicReverseAndForwardNames_areNotLocal() throws Exception {
    assertThat(defaults.zoneLabel(query("1.0.32.172.in-addr.arpa."))).isEqualTo(-1);
    assertThat(defaults.zoneLabel(query("8.8.8.8.in-addr.arpa."))).isEqualTo(-1);
    assertThat(defaults.zoneLabel(query("10.in-addr.arpa.example."))).isEqualTo(-1);
  }

  @Test
  void dotInsideALabel_cannotShiftIntoAPrivateZone() throws Exception {
    assertThat(defaults.zoneLabel(query("4\\.10.in-addr.arpa."))).isEqualTo(-1);
  }

  @Test
  void forwardOverride_andDisabledPrivateReverse_forwardTheName() throws Exception {
    LocalZones override =
        new LocalZones(new LocalZonesConfig(true, List.of("1.168.192.in-addr.arpa.")));
    LocalZones off = new LocalZones(new LocalZonesConfig(false, null));

    assertThat(override.zoneLabel(query("5.1.168.192.in-addr.arpa."))).isEqualTo(-1);
    assertThat(override.zoneLabel(query("5.2.168.192.in-addr.arpa."))).isEqualTo(2);
    assertThat(off.zoneLabel(query("3.2.1.10.in-addr.arpa."))).isEqualTo(-1);
  }

  private static Query query(String name) throws Exception {
    Message m = Message.newQuery(Record.newRecord(Name.fromString(name), Type.PTR, DClass.IN));
    ByteBuf buf = Unpooled.wrappedBuffer(m.toWire());
    try {
      return QueryParser.parse(buf);
    } finally {
      buf.release();
    }
  }
}

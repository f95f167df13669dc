package io.sinkhole.event;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.Inet6Address;
import java.net.InetAddress;
import org.junit.jupiter.api.Test;

class DnsEventsSchemaTest {
  @Test
  void clientIp_ipv4MappedIpv6_isWrittenAsIpv4() throws Exception {
    byte[] mapped = {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, (byte) 0xff, (byte) 0xff, 127, 0, 0, 1};

    assertThat(DnsEventsSchema.clientIp(Inet6Address.getByAddress(null, mapped, -1)))
        .isEqualTo("127.0.0.1");
  }

  @Test
  void clientIp_ipv6_isRfc5952Text() throws Exception {
    assertThat(DnsEventsSchema.clientIp(InetAddress.getByName("2001:0DB8:0:0:0:0:0:0001")))
        .isEqualTo("2001:db8::1");
    assertThat(DnsEventsSchema.clientIp(InetAddress.getByName("2001:db8:0:0:1:0:0:1")))
        .isEqualTo("2001:db8::1:0:0:1");
  }
}

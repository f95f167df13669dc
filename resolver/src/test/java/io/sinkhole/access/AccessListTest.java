package io.sinkhole.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sinkhole.config.Access;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.util.List;
import org.junit.jupiter.api.Test;

class AccessListTest {
  static final AccessList DEFAULTS = AccessList.of(new Access(null).allow());

  @Test
  void defaults_allowLoopbackPrivateAndLinkLocal_refusePublic() throws Exception {
    for (String ok :
        List.of(
            "127.0.0.1",
            "::1",
            "10.1.2.3",
            "172.31.0.1",
            "192.168.1.1",
            "fd00::1",
            "169.254.1.1",
            "fe80::1")) {
      assertThat(DEFAULTS.allows(InetAddress.getByName(ok))).as(ok).isTrue();
    }
    for (String no : List.of("192.0.2.1", "172.32.0.1", "2001:db8::1", "198.51.100.7")) {
      assertThat(DEFAULTS.allows(InetAddress.getByName(no))).as(no).isFalse();
    }
  }

  @Test
  void ipv4MappedClient_isCheckedAsIpv4() throws Exception {
    byte[] mapped = {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, (byte) 0xff, (byte) 0xff, 10, 0, 0, 1};

    assertThat(DEFAULTS.allows(Inet6Address.getByAddress(null, mapped, -1))).isTrue();
  }

  @Test
  void badEntry_isRejectedWithItsValue() {
    assertThatThrownBy(() -> new Access(List.of("192.0.2.0/33")))
        .hasMessageContaining("192.0.2.0/33");
  }
}

package io.sinkhole.feed;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class IpAddressesTest {

  @Test
  void canonical_ipv6_isPrintedAsRfc5952() {
    assertThat(IpAddresses.canonical("2001:DB8:0:0:0:0:0:1")).isEqualTo("2001:db8::1");
    assertThat(IpAddresses.canonical("2001:db8:0:0:1:0:0:1")).isEqualTo("2001:db8::1:0:0:1");
    assertThat(IpAddresses.canonical("2001:db8:0:1:1:1:1:1")).isEqualTo("2001:db8:0:1:1:1:1:1");
    assertThat(IpAddresses.canonical("::")).isEqualTo("::");
    assertThat(IpAddresses.canonical("::1")).isEqualTo("::1");
  }

  @Test
  void canonical_ipv4WithLeadingZero_isRejectedAsAmbiguous() {
    assertThat(IpAddresses.canonical("192.0.2.01")).isNull();
    assertThat(IpAddresses.canonical("192.0.2.1")).isEqualTo("192.0.2.1");
  }

  @Test
  void canonical_notAnAddress_returnsNull() {
    assertThat(IpAddresses.canonical("192.0.2")).isNull();
    assertThat(IpAddresses.canonical("192.0.2.256")).isNull();
    assertThat(IpAddresses.canonical("host.example")).isNull();
    assertThat(IpAddresses.canonical("2001:db8::g")).isNull();
    assertThat(IpAddresses.canonical(":::")).isNull();
  }

  @Test
  void canonicalIpPort_bracketedIpv6_keepsBrackets() {
    assertThat(IpAddresses.canonicalIpPort("[2001:DB8::0:1]:443")).isEqualTo("[2001:db8::1]:443");
    assertThat(IpAddresses.canonicalIpPort("192.0.2.7:8080")).isEqualTo("192.0.2.7:8080");
    assertThat(IpAddresses.canonicalIpPort("2001:db8::1:443")).isNull();
    assertThat(IpAddresses.canonicalIpPort("192.0.2.7:70000")).isNull();
  }

  @Test
  void canonicalCidr_prefixOutOfRange_isRejected() {
    assertThat(IpAddresses.canonicalCidr("192.0.2.0/24")).isEqualTo("192.0.2.0/24");
    assertThat(IpAddresses.canonicalCidr("2001:db8:0::/32")).isEqualTo("2001:db8::/32");
    assertThat(IpAddresses.canonicalCidr("192.0.2.0/33")).isNull();
    assertThat(IpAddresses.canonicalCidr("192.0.2.0/")).isNull();
  }
}

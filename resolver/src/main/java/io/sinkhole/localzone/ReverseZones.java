package io.sinkhole.localzone;

import java.util.ArrayList;
import java.util.List;

/** The reverse zones answered locally, in presentation form, lower case. */
final class ReverseZones {
  private ReverseZones() {}

  static List<String> all() {
    List<String> z = new ArrayList<>();
    // RFC 6303 section 4.2 (RFC 1918) and 4.3-4.5 (this network, loopback, link local,
    // documentation and the limited broadcast address).
    z.add("10.in-addr.arpa");
    for (int i = 16; i <= 31; i++) {
      z.add(i + ".172.in-addr.arpa");
    }
    z.add("168.192.in-addr.arpa");
    z.add("0.in-addr.arpa");
    z.add("127.in-addr.arpa");
    z.add("254.169.in-addr.arpa");
    z.add("2.0.192.in-addr.arpa");
    z.add("100.51.198.in-addr.arpa");
    z.add("113.0.203.in-addr.arpa");
    z.add("255.255.255.255.in-addr.arpa");
    // RFC 7793: the shared address space of RFC 6598 (100.64.0.0/10).
    for (int i = 64; i <= 127; i++) {
      z.add(i + ".100.in-addr.arpa");
    }
    // RFC 6303 section 4.6-4.8: ::, ::1, ULA (RFC 4193 fc00::/7), link local fe80::/10, and
    // the documentation prefix 2001:db8::/32.
    z.add(nibbles(32, "0"));
    z.add("1." + nibbles(31, "0"));
    z.add("c.f.ip6.arpa");
    z.add("d.f.ip6.arpa");
    for (String n : List.of("8", "9", "a", "b")) {
      z.add(n + ".e.f.ip6.arpa");
    }
    z.add("8.b.d.0.1.0.0.2.ip6.arpa");
    return z;
  }

  private static String nibbles(int count, String nibble) {
    return (nibble + ".").repeat(count) + "ip6.arpa";
  }
}

package io.sinkhole.testing;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import org.xbill.DNS.Type;

/**
 * A short, bounded mix of the traffic a resolver sees: names listed in the bundled feeds (blocked),
 * names Unbound serves (forwarded), and datagrams that are not valid queries (malformed).
 */
public final class MixedLoad {
  /** Listed in config/iocs: the 4h_rat report and the ThreatFox CSV export. */
  public static final String[] BLOCKED = {
    "api.r0csgo.com", "beacon.ac-socket.r0csgo.com", "call4-back.veq4tralis.in.net"
  };

  /** A header saying one question follows, and no question (RFC 1035 section 4.1.1): FORMERR. */
  private static final byte[] TRUNCATED = {0x12, 0x34, 0x01, 0, 0, 1, 0, 0, 0, 0, 0, 0};

  private MixedLoad() {}

  /** The configuration lines that load the bundled feeds {@link #BLOCKED} comes from. */
  public static String feedsYaml() {
    Path iocs = Path.of(System.getProperty("sinkhole.repo"), "config", "iocs").toAbsolutePath();
    return "feeds:\n"
        + "  - name: threatfox-4h_rat\n"
        + "    path: \""
        + iocs.resolve("threatfox-4h_rat-report.md")
        + "\"\n"
        + "  - name: threatfox-recent\n"
        + "    path: \""
        + iocs.resolve("threatfox-recent-export-2026-04-12.csv")
        + "\"\n";
  }

  /**
   * Sends one round and returns how many of its queries {@code sinkhole_queries_total} counts; the
   * malformed one is counted in {@code sinkhole_malformed_queries_total} instead.
   */
  public static int round(InetSocketAddress dns) throws IOException {
    DnsProbe probe = new DnsProbe(dns);
    for (String name : BLOCKED) {
      probe.query(name, Type.A);
    }
    probe.query("www." + UnboundUpstream.ZONE, Type.A);
    probe.query("mail." + UnboundUpstream.ZONE, Type.MX);
    new DnsProbe(dns).tcp().query("www." + UnboundUpstream.ZONE, Type.AAAA);
    try (DatagramSocket raw = new DatagramSocket()) {
      raw.send(new DatagramPacket(TRUNCATED, TRUNCATED.length, dns));
      raw.setSoTimeout(2000);
      raw.receive(new DatagramPacket(new byte[512], 512));
    }
    return BLOCKED.length + 3;
  }
}

package io.sinkhole.feed;

import io.sinkhole.ioc.Indicator;
import io.sinkhole.ioc.ThreatInfo;
import java.util.Set;

/**
 * Reads hosts files ({@code 0.0.0.0 name}, {@code 127.0.0.1 name}, {@code ::1 name}), one or more
 * names per line, {@code #} comments anywhere. Whatever the address, every name is a block entry:
 * block lists use the address only to make the name unreachable.
 *
 * <p>The localhost block such files start with, copied from a system {@code /etc/hosts}, is counted
 * under skipped {@code localhost}: it is expected, and blocking those names would break the
 * machine.
 */
final class HostsParser extends LineFeedParser {
  static final Set<String> LOCAL_NAMES =
      Set.of(
          "localhost",
          "localhost.localdomain",
          "local",
          "broadcasthost",
          "localhost4",
          "localhost4.localdomain4",
          "localhost6",
          "localhost6.localdomain6",
          "ip6-localhost",
          "ip6-loopback",
          "ip6-localnet",
          "ip6-mcastprefix",
          "ip6-allnodes",
          "ip6-allrouters",
          "ip6-allhosts",
          "0.0.0.0",
          "127.0.0.1",
          "::",
          "::1");

  @Override
  void line(String line, int number, ResultBuilder out) {
    int end = Tokens.commentStart(line, '#');
    int start = Tokens.skipSpaces(line, 0, end);
    if (start == end) {
      return;
    }
    int addressEnd = Tokens.tokenEnd(line, start, end);
    int i = Tokens.skipSpaces(line, addressEnd, end);
    if (i == end || !isAddress(line.substring(start, addressEnd))) {
      out.problem(number, "malformed line", line);
      return;
    }
    while (i < end) {
      int nameEnd = Tokens.tokenEnd(line, i, end);
      name(line.substring(i, nameEnd), number, out);
      i = Tokens.skipSpaces(line, nameEnd, end);
    }
  }

  private static void name(String token, int number, ResultBuilder out) {
    String name = DomainNames.normalize(token);
    if (name != null && !LOCAL_NAMES.contains(name)) {
      out.add(Indicator.domain(name, ThreatInfo.NONE, number));
    } else if (LOCAL_NAMES.contains(name == null ? token : name)) {
      out.skip("localhost");
    } else {
      out.problem(number, "invalid name", token);
    }
  }

  /** An address column; a zone index ({@code fe80::1%lo0}) is allowed and ignored. */
  private static boolean isAddress(String token) {
    int zone = token.indexOf('%');
    String address = zone < 0 ? token : token.substring(0, zone);
    return IpAddresses.isIpv4(address) || IpAddresses.canonical(address) != null;
  }
}

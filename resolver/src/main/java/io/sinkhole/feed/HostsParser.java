package io.sinkhole.feed;

import io.sinkhole.ioc.Indicator;
import io.sinkhole.ioc.MatchScope;
import io.sinkhole.ioc.ThreatInfo;
import java.util.Arrays;
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

  private static final byte[] ZERO = {'0', '.', '0', '.', '0', '.', '0'};
  private static final byte[] LOOPBACK = {'1', '2', '7', '.', '0', '.', '0', '.', '1'};
  private static final byte[] LOCALHOST = {'l', 'o', 'c', 'a', 'l', 'h', 'o', 's', 't'};

  // Takes lines whose address is 0.0.0.0 or 127.0.0.1 and whose names are all plain; checks every
  // name before emitting any, so that a declined line is read by line() from its start.
  @Override
  boolean fastLine(byte[] b, int start, int end, int number, byte[] wire, ResultBuilder out) {
    int lineEnd = commentStart(b, start, end, '#');
    int i = skipSpaces(b, start, lineEnd);
    if (i == lineEnd) {
      return true;
    }
    int addressEnd = tokenEnd(b, i, lineEnd);
    int first = skipSpaces(b, addressEnd, lineEnd);
    if (first == lineEnd || !(is(b, i, addressEnd, ZERO) || is(b, i, addressEnd, LOOPBACK))) {
      return false;
    }
    int length = 0;
    for (int n = first; n < lineEnd; n = skipSpaces(b, tokenEnd(b, n, lineEnd), lineEnd)) {
      length = plainName(b, n, tokenEnd(b, n, lineEnd), wire);
      if (length < 0) {
        return false;
      }
    }
    int nameEnd = tokenEnd(b, first, lineEnd);
    if (nameEnd == lineEnd) {
      out.addName(wire, length, MatchScope.FEED_DEFAULT, number);
      return true;
    }
    for (int n = first; n < lineEnd; n = skipSpaces(b, nameEnd, lineEnd)) {
      nameEnd = tokenEnd(b, n, lineEnd);
      out.addName(wire, plainName(b, n, nameEnd, wire), MatchScope.FEED_DEFAULT, number);
    }
    return true;
  }

  /**
   * The wire length of a valid name that cannot be in {@link #LOCAL_NAMES}, or -1. Every local name
   * has one label or starts with {@code localhost}; those are left to the general path.
   */
  private static int plainName(byte[] b, int start, int end, byte[] wire) {
    int length = AsciiNames.toWire(b, start, end, wire);
    if (length < 0 || length == wire[0] + 1 || startsWith(wire, 1, length, LOCALHOST)) {
      return -1;
    }
    return length;
  }

  private static boolean is(byte[] b, int start, int end, byte[] expected) {
    return Arrays.equals(b, start, end, expected, 0, expected.length);
  }

  private static boolean startsWith(byte[] b, int start, int end, byte[] prefix) {
    return end - start >= prefix.length && is(b, start, start + prefix.length, prefix);
  }

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

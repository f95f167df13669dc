package io.sinkhole.policy;

import io.sinkhole.config.ConfigException;
import io.sinkhole.config.PolicyConfig;
import io.sinkhole.config.SinkholeConfig;
import io.sinkhole.ioc.Addresses;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;

/** Client rules by address or CIDR; the first rule containing the client decides. */
final class ClientRules {
  /** One parsed range of one rule. */
  record Range(byte[] network, int prefix, String text, PolicyConfig.ClientRule rule) {
    boolean contains(byte[] a) {
      if (a.length != network.length) {
        return false;
      }
      int full = prefix / 8;
      for (int i = 0; i < full; i++) {
        if (a[i] != network[i]) {
          return false;
        }
      }
      int rest = prefix % 8;
      int mask = rest == 0 ? 0 : 0xff << (8 - rest) & 0xff;
      return rest == 0 || (a[full] & mask) == (network[full] & mask);
    }
  }

  private final List<Range> ranges;

  private ClientRules(List<Range> ranges) {
    this.ranges = ranges;
  }

  static ClientRules of(SinkholeConfig config) throws ConfigException {
    List<Range> out = new ArrayList<>();
    List<PolicyConfig.ClientRule> rules = config.clients();
    for (int r = 0; r < rules.size(); r++) {
      List<String> cidrs = rules.get(r).cidrs();
      for (int c = 0; c < cidrs.size(); c++) {
        Range range = parse(cidrs.get(c), rules.get(r));
        if (range == null) {
          String field = "clients[" + r + "].cidrs[" + c + "]";
          throw new ConfigException(
              config.source()
                  + ": line "
                  + config.lineOf("/clients/" + r + "/cidrs/" + c)
                  + ": field '"
                  + field
                  + "': '"
                  + cidrs.get(c)
                  + "' is not an address or CIDR");
        }
        out.add(range);
      }
    }
    return new ClientRules(List.copyOf(out));
  }

  private static Range parse(String text, PolicyConfig.ClientRule rule) {
    String t = text.trim();
    int slash = t.indexOf('/');
    InetAddress a = Addresses.parseLiteral(slash < 0 ? t : t.substring(0, slash));
    if (a == null) {
      return null;
    }
    int bits = a.getAddress().length * 8;
    int prefix;
    try {
      prefix = slash < 0 ? bits : Integer.parseInt(t.substring(slash + 1));
    } catch (NumberFormatException e) {
      return null;
    }
    return prefix < 0 || prefix > bits ? null : new Range(a.getAddress(), prefix, t, rule);
  }

  /** The first range containing {@code client}, or null. */
  Range find(InetAddress client) {
    if (ranges.isEmpty() || client == null) {
      return null;
    }
    byte[] a = client.getAddress();
    for (Range r : ranges) {
      if (r.contains(a)) {
        return r;
      }
    }
    return null;
  }
}

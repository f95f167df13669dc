package io.sinkhole.policy;

import io.sinkhole.config.ConfigException;
import io.sinkhole.config.PolicyConfig;
import io.sinkhole.config.SinkholeConfig;
import io.sinkhole.ioc.Cidr;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;

/** Client rules by address or CIDR; the first rule containing the client decides. */
final class ClientRules {
  /** One parsed range of one rule. */
  record Range(Cidr block, String text, PolicyConfig.ClientRule rule) {}

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
    try {
      return new Range(Cidr.parse(text), text.trim(), rule);
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  /** The first range containing {@code client}, or null. */
  Range find(InetAddress client) {
    if (ranges.isEmpty() || client == null) {
      return null;
    }
    byte[] a = Cidr.unmapped(client.getAddress());
    for (Range r : ranges) {
      if (r.block().contains(a)) {
        return r;
      }
    }
    return null;
  }
}

package io.sinkhole;

import io.sinkhole.config.ConfigException;
import io.sinkhole.config.SinkholeConfig;
import io.sinkhole.feed.DomainNames;
import io.sinkhole.ioc.Addresses;
import io.sinkhole.ioc.DomainMatch;
import io.sinkhole.ioc.IocSet;
import io.sinkhole.ioc.Provenance;
import io.sinkhole.ioc.ThreatInfo;
import io.sinkhole.ioc.WireNames;
import io.sinkhole.policy.Policy;
import io.sinkhole.policy.Verdict;
import io.sinkhole.source.IocLoader;
import java.io.PrintWriter;
import java.net.InetAddress;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code sinkhole check NAME}: the decision for a name and the indicators and rules behind it. */
@Command(
    name = "check",
    mixinStandardHelpOptions = true,
    description = "Print the decision for NAME and every indicator and rule behind it.")
final class CheckCommand implements Callable<Integer> {
  @ParentCommand Main main;
  @Spec CommandSpec spec;

  @Parameters(paramLabel = "NAME", description = "Domain name to check.")
  String name;

  @Option(
      names = "--client",
      paramLabel = "ADDR",
      description = "Client address, for client rules (default: 127.0.0.1).",
      defaultValue = "127.0.0.1")
  String client;

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    String normalized = DomainNames.normalize(name);
    InetAddress clientAddress = Addresses.parseLiteral(client);
    if (normalized == null || clientAddress == null) {
      err.println(
          "sinkhole check: "
              + (normalized == null ? "not a domain name: " + name : "not an address: " + client));
      return 2;
    }
    SinkholeConfig config;
    IocSet iocs;
    Policy policy;
    try {
      config = main.loadConfig();
      iocs = IocLoader.load(config).iocs();
      policy = Policy.load(config);
    } catch (ConfigException e) {
      err.println("sinkhole: " + e.getMessage());
      return 2;
    }
    DomainMatch m = match(iocs, normalized);
    Verdict v = policy.decide(m, normalized, clientAddress);
    print(out, normalized, v, m);
    return 0;
  }

  static DomainMatch match(IocSet iocs, String name) {
    byte[] wire = new byte[256];
    int length = WireNames.toWire(name, wire);
    int[] starts = new int[128];
    int count = 0;
    for (int p = 0; p < length; p += wire[p] + 1) {
      starts[count++] = p;
    }
    return iocs.match(wire, starts, count, length, System.currentTimeMillis(), new long[128]);
  }

  private void print(PrintWriter out, String normalized, Verdict v, DomainMatch m) {
    out.println(normalized + ": " + v.outcome().name().toLowerCase(java.util.Locale.ROOT));
    if (m == null) {
      out.println("  no indicator lists this name or a parent of it");
      return;
    }
    out.println("  rule: " + v.rule());
    out.println("  listed as: " + m.indicator() + (m.depth() == 0 ? " (exact)" : " (parent)"));
    for (Provenance p : m.claims()) {
      ThreatInfo t = p.threat();
      out.println(
          "  - feed "
              + p.feedName()
              + (p == v.claim() ? " [decided]" : "")
              + ": threat_type="
              + t.threatType()
              + " malware="
              + t.malware()
              + " confidence="
              + (t.confidence() < 0 ? "unknown" : t.confidence())
              + " first_seen="
              + t.firstSeen()
              + " reference="
              + t.reference()
              + " scope="
              + p.scope()
              + " directive="
              + p.directive());
    }
  }
}

package io.sinkhole.inspect;

import io.sinkhole.ioc.DomainMatch;
import io.sinkhole.ioc.IocSet;
import io.sinkhole.ioc.Provenance;
import io.sinkhole.policy.Policy;
import io.sinkhole.policy.Verdict;
import io.sinkhole.policy.Verdict.Outcome;
import io.sinkhole.wire.AnswerTypes;
import java.io.IOException;
import java.net.InetAddress;
import java.util.List;
import org.xbill.DNS.AAAARecord;
import org.xbill.DNS.ARecord;
import org.xbill.DNS.CNAMERecord;
import org.xbill.DNS.DNAMERecord;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.Record;
import org.xbill.DNS.SVCBBase;
import org.xbill.DNS.Section;

/**
 * Checks every alias target and every address of an answer. The strongest finding wins (block over
 * monitor); the verdict names the chain member or address that matched, and its match starts at the
 * query's first label so a block answer is written for the query name itself.
 */
public final class AnswerInspector {
  private final long[] hashes = new long[128];

  /**
   * The verdict for {@code wire}: {@link Verdict#ALLOW} when nothing in it is listed, null when it
   * does not parse (so it cannot be inspected, and is not relayed). Not thread-safe: one inspector
   * per event loop.
   */
  public Verdict inspect(
      byte[] wire, IocSet iocs, Policy policy, long nowMillis, InetAddress client) {
    if (AnswerTypes.nothingToInspect(wire, iocs.addresses().size() > 0)) {
      return Verdict.ALLOW;
    }
    Verdict best = Verdict.ALLOW;
    try {
      List<Record> answers = new Message(wire).getSection(Section.ANSWER);
      for (Record r : answers) {
        best = stronger(best, inspect(r, iocs, policy, nowMillis, client));
      }
    } catch (IOException | RuntimeException e) {
      // dnsjava also refuses, unchecked, records it reads but will not hold (a TTL over 2^31 - 1),
      // and its record types may throw on data they accepted: not inspectable either way.
      return null;
    }
    return best;
  }

  private Verdict inspect(
      Record r, IocSet iocs, Policy policy, long nowMillis, InetAddress client) {
    if (r instanceof CNAMERecord c) {
      return name(c.getTarget(), iocs, policy, nowMillis, client);
    }
    if (r instanceof DNAMERecord d) {
      return name(d.getTarget(), iocs, policy, nowMillis, client);
    }
    if (r instanceof ARecord a) {
      return address(a.getAddress(), r.getName(), iocs, policy, client);
    }
    if (r instanceof AAAARecord a) {
      return address(a.getAddress(), r.getName(), iocs, policy, client);
    }
    if (r instanceof SVCBBase s) {
      // Alias mode (priority 0, RFC 9460 section 2.4.2) sends clients to the target name, as a
      // CNAME does; service mode names the target too, with address hints beside it.
      Verdict target =
          s.getTargetName().equals(Name.root)
              ? Verdict.ALLOW
              : name(s.getTargetName(), iocs, policy, nowMillis, client);
      return stronger(target, hints(s, iocs, policy, client));
    }
    return Verdict.ALLOW;
  }

  private Verdict name(
      Name target, IocSet iocs, Policy policy, long nowMillis, InetAddress client) {
    ChainName n = new ChainName(target);
    DomainMatch m = iocs.match(n.wire, n.labelStarts, n.labelCount, n.length, nowMillis, hashes);
    if (m == null) {
      return Verdict.ALLOW;
    }
    DomainMatch atQuery = new DomainMatch(m.indicator(), m.depth(), 0, m.claims());
    return policy.decide(atQuery, n.text, client);
  }

  private static Verdict address(
      InetAddress a, Name owner, IocSet iocs, Policy policy, InetAddress client) {
    if (iocs.addresses().size() == 0) {
      return Verdict.ALLOW;
    }
    List<Provenance> claims = iocs.addresses().match(a);
    if (claims.isEmpty()) {
      return Verdict.ALLOW;
    }
    String ip = a.getHostAddress();
    Verdict v = policy.decide(new DomainMatch(ip, 0, 0, claims), new ChainName(owner).text, client);
    return new Verdict(v.outcome(), v.match(), v.claim(), v.matchedName(), ip, v.reason());
  }

  /** HTTPS/SVCB address hints (RFC 9460 section 7.3) lead clients to the same addresses. */
  private static Verdict hints(SVCBBase s, IocSet iocs, Policy policy, InetAddress client) {
    Verdict best = Verdict.ALLOW;
    try {
      if (s.getSvcParamValue(SVCBBase.IPV4HINT) instanceof SVCBBase.ParameterIpv4Hint h4) {
        for (InetAddress a : h4.getAddresses()) {
          best = stronger(best, address(a, s.getName(), iocs, policy, client));
        }
      }
      if (s.getSvcParamValue(SVCBBase.IPV6HINT) instanceof SVCBBase.ParameterIpv6Hint h6) {
        for (InetAddress a : h6.getAddresses()) {
          best = stronger(best, address(a, s.getName(), iocs, policy, client));
        }
      }
    } catch (IOException e) {
      // A hint of the wrong length: dnsjava refuses it, and so does every client.
    }
    return best;
  }

  private static Verdict stronger(Verdict a, Verdict b) {
    return rank(b) > rank(a) ? b : a;
  }

  private static int rank(Verdict v) {
    if (!v.matched()) {
      return 0;
    }
    return v.outcome() == Outcome.BLOCK ? 3 : v.outcome() == Outcome.MONITOR ? 2 : 0;
  }
}

package io.sinkhole.feed;

import io.sinkhole.ioc.Directive;
import io.sinkhole.ioc.Indicator;
import io.sinkhole.ioc.IndicatorType;
import io.sinkhole.ioc.MatchScope;
import io.sinkhole.ioc.ThreatInfo;
import java.util.List;

/**
 * Adds entries of popular-domain lists. They carry no directive: whether a list blocks or allows is
 * the feed's configured action, which for these lists is normally allow. Names become DOMAIN, bare
 * addresses IP or CIDR; anything else is a problem.
 */
final class AllowlistEntries {
  private AllowlistEntries() {}

  static void add(String raw, int line, ResultBuilder out) {
    String name = DomainNames.normalize(raw);
    if (name != null) {
      out.add(Indicator.domain(name, ThreatInfo.NONE, line));
      return;
    }
    String trimmed = raw.trim();
    String address = IpAddresses.canonical(trimmed);
    String cidr = address == null ? IpAddresses.canonicalCidr(trimmed) : null;
    if (address == null && cidr == null) {
      out.problem(line, "invalid name", raw);
      return;
    }
    IndicatorType type = address != null ? IndicatorType.IP : IndicatorType.CIDR;
    out.add(
        new Indicator(
            type,
            address != null ? address : cidr,
            ThreatInfo.NONE,
            MatchScope.FEED_DEFAULT,
            Directive.DEFAULT,
            List.of(),
            line));
  }
}

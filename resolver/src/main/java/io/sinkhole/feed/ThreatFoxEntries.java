package io.sinkhole.feed;

import io.sinkhole.ioc.Directive;
import io.sinkhole.ioc.Indicator;
import io.sinkhole.ioc.IndicatorType;
import io.sinkhole.ioc.MatchScope;
import io.sinkhole.ioc.ThreatInfo;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * Turns one ThreatFox IOC into an indicator, whichever export (CSV or JSON) it came from.
 *
 * <p>Mapping: {@code domain} to DOMAIN, {@code url} to URL (kept as written), {@code ip:port} to
 * IP_PORT ({@code [v6]:port} for IPv6), any {@code *_hash} counted as skipped {@code hash}. The
 * threat carries {@code threat_type}, {@code malware_printable} (else {@code malware} or {@code
 * fk_malware}), {@code confidence_level}, first and last seen, the comma-separated {@code tags},
 * and as reference the feed's {@code reference} URL or, when it has none, the IOC's own ThreatFox
 * page {@code https://threatfox.abuse.ch/ioc/<ioc_id>/} so an operator can always look it up.
 */
final class ThreatFoxEntries {
  private static final String IOC_PAGE = "https://threatfox.abuse.ch/ioc/";

  private ThreatFoxEntries() {}

  /**
   * Adds the IOC whose fields {@code field} returns by column name (null for missing or {@code
   * None}); {@code text} is what a problem shows.
   */
  static void add(UnaryOperator<String> field, int line, String text, ResultBuilder out) {
    String type = field.apply("ioc_type");
    String raw = field.apply("ioc_value");
    if (type == null || raw == null) {
      out.problem(line, "malformed line", text);
      return;
    }
    if (type.endsWith("hash")) {
      out.skip("hash");
      return;
    }
    IndicatorType kind = kindOf(type);
    if (kind == null) {
      out.problem(line, "unknown type", type);
      return;
    }
    String value = valueOf(kind, raw);
    if (value == null) {
      out.problem(line, kind == IndicatorType.DOMAIN ? "invalid name" : "invalid value", raw);
      return;
    }
    ThreatInfo threat = threat(field, line, out);
    out.add(
        new Indicator(
            kind, value, threat, MatchScope.FEED_DEFAULT, Directive.DEFAULT, List.of(), line));
  }

  private static IndicatorType kindOf(String type) {
    switch (type) {
      case "domain":
        return IndicatorType.DOMAIN;
      case "url":
        return IndicatorType.URL;
      case "ip:port":
        return IndicatorType.IP_PORT;
      default:
        return null;
    }
  }

  private static String valueOf(IndicatorType kind, String raw) {
    if (kind == IndicatorType.DOMAIN) {
      return DomainNames.normalize(raw);
    }
    return kind == IndicatorType.URL ? Values.url(raw) : IpAddresses.canonicalIpPort(raw.trim());
  }

  private static ThreatInfo threat(UnaryOperator<String> field, int line, ResultBuilder out) {
    String malware = firstOf(field, "malware_printable", "malware", "fk_malware");
    return new ThreatInfo(
        field.apply("threat_type"),
        malware,
        ThreatFields.confidence(field.apply("confidence_level"), line, out),
        ThreatFields.instant(field.apply("first_seen_utc"), line, out),
        ThreatFields.instant(field.apply("last_seen_utc"), line, out),
        null,
        reference(field),
        ThreatFields.tags(field.apply("tags")));
  }

  private static String firstOf(UnaryOperator<String> field, String... names) {
    for (String name : names) {
      String value = field.apply(name);
      if (value != null) {
        return value;
      }
    }
    return null;
  }

  private static String reference(UnaryOperator<String> field) {
    String reference = field.apply("reference");
    if (reference != null) {
      return reference;
    }
    String id = field.apply("ioc_id");
    boolean numeric = id != null && !id.isEmpty() && id.chars().allMatch(c -> c >= '0' && c <= '9');
    return numeric ? IOC_PAGE + id + "/" : null;
  }
}

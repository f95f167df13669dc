package io.sinkhole.feed;

import io.sinkhole.ioc.Directive;
import io.sinkhole.ioc.Indicator;
import io.sinkhole.ioc.IndicatorType;
import io.sinkhole.ioc.MatchScope;
import io.sinkhole.ioc.ThreatInfo;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** One RPZ trigger being read: what it matches and, once its records are seen, its action. */
final class RpzTrigger {
  private static final String[] UNSUPPORTED_SUFFIXES = {
    ".rpz-nsdname", ".rpz-nsip", ".rpz-client-ip"
  };

  private final IndicatorType type;
  private final String value;
  private final MatchScope scope;
  private final String skipReason;
  private final int line;
  private final List<String> localData = new ArrayList<>(1);
  private Directive directive = Directive.DEFAULT;
  private ThreatInfo threat = ThreatInfo.NONE;

  private RpzTrigger(IndicatorType type, String value, MatchScope scope, String skip, int line) {
    this.type = type;
    this.value = value;
    this.scope = scope;
    this.skipReason = skip;
    this.line = line;
  }

  /** The trigger an owner name (relative to the origin) stands for; null when it is invalid. */
  static RpzTrigger of(String relative, int line) {
    String lower = relative.toLowerCase(Locale.ROOT);
    for (String suffix : UNSUPPORTED_SUFFIXES) {
      if (lower.endsWith(suffix)) {
        return new RpzTrigger(
            IndicatorType.DOMAIN, lower, MatchScope.EXACT, "unsupported trigger", line);
      }
    }
    if (lower.endsWith(".rpz-ip")) {
      return ipTrigger(lower.substring(0, lower.length() - ".rpz-ip".length()), line);
    }
    boolean below = lower.startsWith("*.");
    String name = DomainNames.normalize(below ? lower.substring(2) : lower);
    MatchScope scope = below ? MatchScope.SUBDOMAINS_ONLY : MatchScope.EXACT;
    return name == null ? null : new RpzTrigger(IndicatorType.DOMAIN, name, scope, null, line);
  }

  private static RpzTrigger ipTrigger(String labels, int line) {
    String cidr = RpzIpNames.toCidr(labels);
    if (cidr == null) {
      return null;
    }
    boolean host = cidr.endsWith("/32") && cidr.indexOf(':') < 0 || cidr.endsWith("/128");
    String value = host ? cidr.substring(0, cidr.indexOf('/')) : cidr;
    IndicatorType type = host ? IndicatorType.IP : IndicatorType.CIDR;
    return new RpzTrigger(type, value, MatchScope.FEED_DEFAULT, null, line);
  }

  String skipReason() {
    return skipReason;
  }

  String key() {
    return type + " " + scope + " " + value;
  }

  void act(Directive action, ThreatInfo info) {
    directive = action;
    threat = info;
  }

  void localData(String record) {
    directive = Directive.LOCAL_DATA;
    localData.add(record);
  }

  /** Adds a later record for the same trigger; false when the two cannot coexist. */
  boolean merge(RpzTrigger later) {
    if (directive == Directive.LOCAL_DATA && later.directive == Directive.LOCAL_DATA) {
      localData.addAll(later.localData);
      return true;
    }
    return directive == later.directive && threat == later.threat;
  }

  Indicator toIndicator() {
    return new Indicator(type, value, threat, scope, directive, localData, line);
  }
}

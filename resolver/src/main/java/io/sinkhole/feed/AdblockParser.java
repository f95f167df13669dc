package io.sinkhole.feed;

import io.sinkhole.ioc.Directive;
import io.sinkhole.ioc.Indicator;
import io.sinkhole.ioc.IndicatorSink;
import io.sinkhole.ioc.IndicatorType;
import io.sinkhole.ioc.MatchScope;
import io.sinkhole.ioc.ThreatInfo;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Set;

/**
 * Reads the DNS subset of adblock syntax as AdGuard Home uses it: {@code ||name^} blocks the name
 * and every name below it, {@code @@||name^} allows them, {@code !} starts a comment. A rule whose
 * host is an IP address ({@code ||192.0.2.1^}) becomes an IP indicator, matched against answers.
 *
 * <p>Everything a DNS server cannot honour exactly is counted as skipped rather than guessed at:
 * cosmetic rules, regex rules, paths, wildcards, unanchored patterns and modifiers other than
 * {@link #SAFE_MODIFIERS} (a {@code $client=} or {@code $dnsrewrite=} rule would be wrong if
 * applied to everyone).
 */
final class AdblockParser implements FeedParser {
  /** Modifiers that do not narrow or change what the rule blocks at the DNS level. */
  static final Set<String> SAFE_MODIFIERS = Set.of("important", "all", "document", "doc");

  private static final String[] COSMETIC_MARKERS = {"##", "#@#", "#?#", "#$#", "#%#", "$$"};

  @Override
  public ParseNotes parse(InputStream in, IndicatorSink sink) throws IOException {
    LineReader lines = new LineReader(in);
    ResultBuilder out = new ResultBuilder(sink);
    for (String line = lines.next(); line != null; line = lines.next()) {
      line(line.trim(), lines.number(), out);
    }
    return out.build();
  }

  private static void line(String line, int number, ResultBuilder out) {
    if (line.isEmpty() || line.charAt(0) == '!' || line.charAt(0) == '[') {
      return;
    }
    if (isCosmetic(line)) {
      out.skip("cosmetic rule");
    } else if (line.charAt(0) == '#') {
      return;
    } else if (line.startsWith("@@")) {
      rule(line.substring(2), Directive.ALLOW, number, out);
    } else {
      rule(line, Directive.DEFAULT, number, out);
    }
  }

  private static void rule(String rule, Directive directive, int number, ResultBuilder out) {
    int dollar = rule.indexOf('$');
    String pattern = dollar < 0 ? rule : rule.substring(0, dollar);
    String skip = skipReason(pattern, dollar < 0 ? "" : rule.substring(dollar + 1));
    if (skip != null) {
      out.skip(skip);
      return;
    }
    String host = pattern.substring(2, pattern.indexOf('^'));
    Indicator indicator = indicator(host, directive, number);
    if (indicator == null) {
      out.problem(number, "invalid name", rule);
    } else {
      out.add(indicator);
    }
  }

  /** Why the rule cannot be loaded as a host rule, or null when it can. */
  private static String skipReason(String pattern, String modifiers) {
    if (pattern.length() > 1 && pattern.startsWith("/") && pattern.endsWith("/")) {
      return "regex rule";
    }
    if (!modifiersAreSafe(modifiers)) {
      return "unsupported modifier";
    }
    int caret = pattern.indexOf('^');
    if (!pattern.startsWith("||") || caret < 0) {
      return "pattern rule";
    }
    String rest = pattern.substring(caret + 1);
    if (!rest.isEmpty() && !rest.equals("|")) {
      return "path rule";
    }
    String host = pattern.substring(2, caret);
    return host.indexOf('*') >= 0 ? "wildcard rule" : host.indexOf('/') >= 0 ? "path rule" : null;
  }

  private static boolean modifiersAreSafe(String modifiers) {
    if (modifiers.isEmpty()) {
      return true;
    }
    for (String modifier : modifiers.split(",")) {
      if (!SAFE_MODIFIERS.contains(modifier.trim())) {
        return false;
      }
    }
    return true;
  }

  private static Indicator indicator(String host, Directive directive, int number) {
    boolean bracketed = host.startsWith("[") && host.endsWith("]");
    String address = IpAddresses.canonical(bracketed ? host.substring(1, host.length() - 1) : host);
    if (address != null) {
      return new Indicator(
          IndicatorType.IP,
          address,
          ThreatInfo.NONE,
          MatchScope.FEED_DEFAULT,
          directive,
          List.of(),
          number);
    }
    String name = DomainNames.normalize(host);
    return name == null
        ? null
        : new Indicator(
            IndicatorType.DOMAIN,
            name,
            ThreatInfo.NONE,
            MatchScope.NAME_AND_SUBDOMAINS,
            directive,
            List.of(),
            number);
  }

  private static boolean isCosmetic(String line) {
    for (String marker : COSMETIC_MARKERS) {
      if (line.contains(marker)) {
        return true;
      }
    }
    return false;
  }
}

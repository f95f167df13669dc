package io.sinkhole.ioc;

import java.util.List;
import java.util.Objects;

/**
 * One entry read from a feed.
 *
 * @param type what {@code value} is
 * @param value normalised: names in lower-case ASCII (IDN as punycode) without a trailing dot;
 *     addresses in canonical text form; CIDR as {@code address/prefix}; URLs as given
 * @param threat metadata; shared between entries where the feed has none per entry
 * @param scope which names a DOMAIN indicator covers
 * @param directive an answer the feed asks for, or DEFAULT
 * @param localData RPZ local-data records in zone-file presentation form, empty otherwise
 * @param line the 1-based line of the feed where the entry was found (0 when not line-based)
 */
public record Indicator(
    IndicatorType type,
    String value,
    ThreatInfo threat,
    MatchScope scope,
    Directive directive,
    List<String> localData,
    int line) {

  public Indicator {
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(value, "value");
    Objects.requireNonNull(threat, "threat");
    Objects.requireNonNull(scope, "scope");
    Objects.requireNonNull(directive, "directive");
    localData = List.copyOf(localData);
  }

  /** A domain indicator with the feed's default scope and action. */
  public static Indicator domain(String name, ThreatInfo threat, int line) {
    return new Indicator(
        IndicatorType.DOMAIN,
        name,
        threat,
        MatchScope.FEED_DEFAULT,
        Directive.DEFAULT,
        List.of(),
        line);
  }
}

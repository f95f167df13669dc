package io.sinkhole.ioc;

import java.util.List;

/**
 * Receives indicators one at a time as a parser reads them, so that a million-line feed is never
 * held as a million {@link Indicator} objects (issue #5: about 100 bytes each).
 */
@FunctionalInterface
public interface IndicatorSink {

  void add(Indicator indicator);

  /**
   * A domain with no metadata of its own (plain lists, hosts files), already in wire form: the byte
   * parsers hand it over without making a string. The default makes the {@link Indicator}.
   *
   * @param wire length-prefixed labels, lower case, no root label, valid
   * @param scope {@link MatchScope#FEED_DEFAULT} or {@link MatchScope#SUBDOMAINS_ONLY}
   * @param line the 1-based line of the feed
   */
  default void addName(byte[] wire, int length, MatchScope scope, int line) {
    String name = WireNames.toPresentation(wire, 0, length);
    add(
        new Indicator(
            IndicatorType.DOMAIN,
            name,
            ThreatInfo.NONE,
            scope,
            Directive.DEFAULT,
            List.of(),
            line));
  }
}

package io.sinkhole.ioc;

import java.util.List;

/**
 * One feed's claim about a listed name. Identical claims (every entry of a hosts file) are stored
 * once and shared, which is what keeps a million-name list small.
 *
 * @param feed position of the feed in the configuration, for per-feed policy
 * @param feedName the feed's configured name, written into events
 * @param threat the feed's metadata for the entry
 * @param scope resolved scope: never {@link MatchScope#FEED_DEFAULT}
 * @param directive an answer the feed asks for
 * @param localData RPZ local-data records, usually empty
 */
public record Provenance(
    int feed,
    String feedName,
    ThreatInfo threat,
    MatchScope scope,
    Directive directive,
    List<String> localData) {

  /** Whether this claim covers a query that matched {@code depth} labels below the listed name. */
  public boolean covers(int depth) {
    return switch (scope) {
      case EXACT -> depth == 0;
      case SUBDOMAINS_ONLY -> depth > 0;
      default -> true;
    };
  }
}

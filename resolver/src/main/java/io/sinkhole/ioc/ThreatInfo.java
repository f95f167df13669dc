package io.sinkhole.ioc;

import java.time.Instant;
import java.util.List;

/**
 * What a feed says about an indicator. Feeds without per-entry metadata (hosts files, plain lists)
 * share one instance across all their entries, which keeps a large list cheap.
 *
 * @param threatType ThreatFox-style threat type such as {@code botnet_cc}; null when unknown
 * @param malware malware family such as {@code 4h_rat}; null when unknown
 * @param confidence 0-100, or {@link #UNKNOWN_CONFIDENCE} to take the feed's default
 * @param firstSeen null when unknown
 * @param lastSeen null when unknown
 * @param validUntil the indicator stops matching after this instant; null for never
 * @param reference a URL or report identifier; null when unknown
 * @param tags free-form labels, never null
 */
public record ThreatInfo(
    String threatType,
    String malware,
    int confidence,
    Instant firstSeen,
    Instant lastSeen,
    Instant validUntil,
    String reference,
    List<String> tags) {

  public static final int UNKNOWN_CONFIDENCE = -1;

  /** Metadata for feeds that say nothing per entry. */
  public static final ThreatInfo NONE =
      new ThreatInfo(null, null, UNKNOWN_CONFIDENCE, null, null, null, null, List.of());

  public ThreatInfo {
    if (confidence < UNKNOWN_CONFIDENCE || confidence > 100) {
      throw new IllegalArgumentException("confidence must be 0-100, was " + confidence);
    }
    tags = List.copyOf(tags);
  }

  public boolean expiredAt(Instant now) {
    return validUntil != null && now.isAfter(validUntil);
  }
}

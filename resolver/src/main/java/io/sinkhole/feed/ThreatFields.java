package io.sinkhole.feed;

import io.sinkhole.ioc.ThreatInfo;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the per-entry metadata fields the rich formats share. A bad field never drops the entry: it
 * is reported and left unknown, since the indicator itself may still be good.
 */
final class ThreatFields {
  private ThreatFields() {}

  /** 0 to 100, or {@link ThreatInfo#UNKNOWN_CONFIDENCE} when absent or bad (then reported). */
  static int confidence(String text, int line, ResultBuilder out) {
    if (text == null) {
      return ThreatInfo.UNKNOWN_CONFIDENCE;
    }
    String trimmed = text.trim();
    int value = IpAddresses.parseSmallInt(trimmed, 0, trimmed.length());
    if (value < 0 || value > 100) {
      out.problem(line, "bad confidence", text);
      return ThreatInfo.UNKNOWN_CONFIDENCE;
    }
    return value;
  }

  /** The instant, or null when absent or bad (then reported). */
  static Instant instant(String text, int line, ResultBuilder out) {
    if (text == null) {
      return null;
    }
    Instant instant = Timestamps.parse(text);
    if (instant == null) {
      out.problem(line, "bad date", text);
    }
    return instant;
  }

  /** Comma-separated tags, trimmed, empty ones dropped. */
  static List<String> tags(String text) {
    if (text == null) {
      return List.of();
    }
    List<String> tags = new ArrayList<>();
    for (String tag : text.split(",")) {
      String trimmed = tag.trim();
      if (!trimmed.isEmpty()) {
        tags.add(trimmed);
      }
    }
    return tags;
  }
}

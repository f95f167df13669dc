package io.sinkhole.feed;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.TemporalAccessor;

/**
 * Reads the timestamp spellings feeds use. Times without an offset are UTC: ThreatFox says so in
 * its column names ({@code first_seen_utc}) and reports almost always quote UTC.
 */
final class Timestamps {
  private static final DateTimeFormatter SPACED =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

  private static final DateTimeFormatter ISO = DateTimeFormatter.ISO_DATE_TIME;

  private Timestamps() {}

  /** The instant, or null when the text is none of the known forms. */
  static Instant parse(String text) {
    String t = text.trim();
    try {
      if (t.length() == 10) {
        return LocalDate.parse(t).atStartOfDay(ZoneOffset.UTC).toInstant();
      }
      if (t.length() == 19 && t.charAt(10) == ' ') {
        return LocalDateTime.parse(t, SPACED).toInstant(ZoneOffset.UTC);
      }
      if (t.endsWith("Z") || t.endsWith("z")) {
        return Instant.parse(t.substring(0, t.length() - 1) + "Z");
      }
      TemporalAccessor parsed = ISO.parseBest(t, OffsetDateTime::from, LocalDateTime::from);
      return parsed instanceof OffsetDateTime offset
          ? offset.toInstant()
          : ((LocalDateTime) parsed).toInstant(ZoneOffset.UTC);
    } catch (DateTimeParseException e) {
      return null;
    }
  }
}

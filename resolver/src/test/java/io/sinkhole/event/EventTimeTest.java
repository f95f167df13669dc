package io.sinkhole.event;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Random;
import org.junit.jupiter.api.Test;

class EventTimeTest {
  private static final DateTimeFormatter ISO =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

  @Test
  void format_matchesDateTimeFormatter_acrossLeapYearsAndCenturies() {
    Random r = new Random(5);
    long from = Instant.parse("1970-01-01T00:00:00Z").toEpochMilli();
    long to = Instant.parse("2400-03-01T00:00:00Z").toEpochMilli();
    for (int i = 0; i < 100_000; i++) {
      long t = from + Math.floorMod(r.nextLong(), to - from);
      assertThat(EventTime.format(t)).isEqualTo(ISO.format(Instant.ofEpochMilli(t)));
    }
  }

  @Test
  void format_leapDayAndYearEnd() {
    assertThat(EventTime.format(Instant.parse("2024-02-29T23:59:59.999Z").toEpochMilli()))
        .isEqualTo("2024-02-29T23:59:59.999Z");
    assertThat(EventTime.format(Instant.parse("2100-12-31T00:00:00.007Z").toEpochMilli()))
        .isEqualTo("2100-12-31T00:00:00.007Z");
  }
}

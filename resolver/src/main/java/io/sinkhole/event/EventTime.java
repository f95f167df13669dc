package io.sinkhole.event;

/**
 * ISO-8601 UTC time with milliseconds ({@code 2024-05-01T12:34:56.789Z}), the TimeGenerated form.
 * Written by hand because {@code DateTimeFormatter} allocated a {@code BigDecimal} per fraction,
 * about 7 % of all allocation on the blocked workload (issue #5, the README, "Benchmarks").
 */
final class EventTime {
  private static final long MILLIS_PER_DAY = 86_400_000L;

  private EventTime() {}

  static String format(long millis) {
    long day = Math.floorDiv(millis, MILLIS_PER_DAY);
    int ms = (int) Math.floorMod(millis, MILLIS_PER_DAY);
    char[] c = new char[24];
    civilDate(day, c);
    c[10] = 'T';
    two(c, 11, ms / 3_600_000);
    c[13] = ':';
    two(c, 14, ms / 60_000 % 60);
    c[16] = ':';
    two(c, 17, ms / 1000 % 60);
    c[19] = '.';
    c[20] = (char) ('0' + ms % 1000 / 100);
    two(c, 21, ms % 100);
    c[23] = 'Z';
    return new String(c);
  }

  /**
   * Writes {@code yyyy-MM-dd} for days since 1970-01-01 in the proleptic Gregorian calendar, using
   * 400-year eras of 146,097 days (the "civil from days" algorithm).
   */
  private static void civilDate(long days, char[] c) {
    long z = days + 719_468;
    long era = Math.floorDiv(z, 146_097);
    long doe = z - era * 146_097;
    long yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    long mp = (5 * doy + 2) / 153;
    int d = (int) (doy - (153 * mp + 2) / 5 + 1);
    int m = (int) (mp < 10 ? mp + 3 : mp - 9);
    long y = yoe + era * 400 + (m <= 2 ? 1 : 0);
    two(c, 0, (int) (y / 100));
    two(c, 2, (int) (y % 100));
    c[4] = '-';
    two(c, 5, m);
    c[7] = '-';
    two(c, 8, d);
  }

  private static void two(char[] c, int at, int v) {
    c[at] = (char) ('0' + v / 10);
    c[at + 1] = (char) ('0' + v % 10);
  }
}

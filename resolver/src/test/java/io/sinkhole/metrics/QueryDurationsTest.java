package io.sinkhole.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class QueryDurationsTest {
  /** Every duration lands in the bucket of the smallest bound at or above it. */
  @Test
  void bucket_isTheSmallestBoundAtOrAboveTheDuration() {
    for (int i = 0; i < QueryDurations.BOUNDS; i++) {
      long bound = QueryDurations.upperBoundNanos(i);
      assertThat(QueryDurations.bucket(bound)).as("at bound %d", bound).isEqualTo(i);
      assertThat(QueryDurations.bucket(bound + 1)).as("past bound %d", bound).isEqualTo(i + 1);
      if (i > 0) {
        assertThat(bound).isGreaterThan(QueryDurations.upperBoundNanos(i - 1));
      }
    }
    assertThat(QueryDurations.bucket(0)).isZero();
    assertThat(QueryDurations.bucket(-5)).isZero();
    assertThat(QueryDurations.bucket(Long.MAX_VALUE)).isEqualTo(QueryDurations.BOUNDS);
  }

  @Test
  void bounds_runFrom8MicrosecondsTo17Seconds_twoPerPowerOfTwo() {
    assertThat(QueryDurations.upperBoundNanos(0)).isEqualTo(8_192);
    assertThat(QueryDurations.upperBoundNanos(1)).isEqualTo(12_288);
    assertThat(QueryDurations.upperBoundNanos(2)).isEqualTo(16_384);
    assertThat(QueryDurations.upperBoundNanos(QueryDurations.BOUNDS - 1)).isEqualTo(1L << 34);
  }

  /** What Prometheus reads: cumulative buckets, count and sum per protocol and outcome. */
  @Test
  void scrape_showsAHistogramPerProtocolAndOutcome_fromEveryThread() throws Exception {
    SinkholeMetrics metrics = new SinkholeMetrics();
    metrics.query(false, 1, QueryOutcome.BLOCKED, 5_000); // 5 µs: first bucket
    Thread other = new Thread(() -> metrics.query(false, 1, QueryOutcome.BLOCKED, 20_000));
    other.start();
    other.join();
    metrics.query(false, 1, QueryOutcome.BLOCKED, 30_000_000_000L); // 30 s: +Inf only
    metrics.query(true, 1, QueryOutcome.CACHED, 1_000_000);

    String text = metrics.scrape();

    String udpBlocked = "{outcome=\"blocked\",protocol=\"udp\"}";
    assertThat(text).contains("# TYPE sinkhole_query_duration_seconds histogram");
    assertThat(text).contains("sinkhole_query_duration_seconds_count" + udpBlocked + " 3");
    assertThat(sum(text, udpBlocked))
        .isCloseTo(30.000025, org.assertj.core.data.Offset.offset(1e-9));
    assertThat(bucket(text, "blocked", "udp", "8.192E-6")).isEqualTo(1);
    assertThat(bucket(text, "blocked", "udp", "1.6384E-5")).isEqualTo(1);
    assertThat(bucket(text, "blocked", "udp", "2.4576E-5")).isEqualTo(2);
    assertThat(bucket(text, "blocked", "udp", "17.179869184")).isEqualTo(2);
    assertThat(bucket(text, "blocked", "udp", "+Inf")).isEqualTo(3);
    assertThat(text)
        .contains("sinkhole_query_duration_seconds_count{outcome=\"cached\",protocol=\"tcp\"} 1");
    assertThat(text)
        .contains("sinkhole_query_duration_seconds_count{outcome=\"cached\",protocol=\"udp\"} 0");
    List<Long> cumulative = new ArrayList<>();
    Matcher m = bucketLine("blocked", "udp", "[^\"]+").matcher(text);
    while (m.find()) {
      cumulative.add(Long.parseLong(m.group(1)));
    }
    assertThat(cumulative).hasSize(QueryDurations.BOUNDS + 1).isSorted();
  }

  private static long bucket(String text, String outcome, String protocol, String le) {
    Matcher m = bucketLine(outcome, protocol, Pattern.quote(le)).matcher(text);
    assertThat(m.find()).as("bucket le=%s in%n%s", le, text).isTrue();
    return Long.parseLong(m.group(1));
  }

  private static Pattern bucketLine(String outcome, String protocol, String le) {
    return Pattern.compile(
        "sinkhole_query_duration_seconds_bucket\\{outcome=\""
            + outcome
            + "\",protocol=\""
            + protocol
            + "\",le=\""
            + le
            + "\"\\} (\\d+)");
  }

  private static double sum(String text, String labels) {
    Matcher m =
        Pattern.compile("sinkhole_query_duration_seconds_sum" + Pattern.quote(labels) + " (\\S+)")
            .matcher(text);
    assertThat(m.find()).isTrue();
    return Double.parseDouble(m.group(1));
  }
}

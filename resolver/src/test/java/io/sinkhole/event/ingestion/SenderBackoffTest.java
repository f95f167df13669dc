package io.sinkhole.event.ingestion;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Waits between delivery attempts never collapse to zero (no retry storm against Azure). */
class SenderBackoffTest {
  private static Sender sender(long maxBackoffMillis) {
    return new Sender(
        "test", null, null, null, null, new Sender.Settings(1 << 20, maxBackoffMillis, 1000));
  }

  @Test
  void retryAfterZeroOrInThePast_waitsTheMinimum() {
    assertThat(sender(60_000).backoff(1, 0)).isEqualTo(Sender.MIN_BACKOFF_MILLIS);
  }

  @Test
  void backoffLimitOfZero_stillWaitsTheMinimum() {
    for (int attempt = 0; attempt < 10; attempt++) {
      assertThat(sender(0).backoff(attempt, -1)).isGreaterThanOrEqualTo(Sender.MIN_BACKOFF_MILLIS);
    }
  }

  @Test
  void retryAfter_isHonouredAboveTheMinimum() {
    assertThat(sender(60_000).backoff(1, 3000)).isEqualTo(3000);
  }
}

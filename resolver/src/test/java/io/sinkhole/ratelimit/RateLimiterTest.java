package io.sinkhole.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import io.sinkhole.config.RateLimit;
import io.sinkhole.ratelimit.RateLimiter.Decision;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class RateLimiterTest {
  @Test
  void overLimit_everySecondAnswerSlips_restDropped_andTokensRefill() throws Exception {
    RateLimiter l = new RateLimiter(new RateLimit(10, 2, null, null, 2, null, null));
    InetAddress c = InetAddress.getByName("192.0.2.7");
    List<Decision> d = new ArrayList<>();
    for (int i = 0; i < 6; i++) {
      d.add(l.check(c, 0));
    }

    assertThat(d)
        .containsExactly(
            Decision.ANSWER,
            Decision.ANSWER,
            Decision.DROP,
            Decision.SLIP,
            Decision.DROP,
            Decision.SLIP);
    assertThat(l.check(c, 100_000_000L)).isEqualTo(Decision.ANSWER);
  }

  /**
   * Two event loops read their clocks once per batch, so one may check a bucket with a time older
   * than the other's last check: that must not refill the interval between them a second time.
   */
  @Test
  void anOlderTimeFromAnotherLoop_refillsNothing_andTheIntervalIsNotCountedTwice()
      throws Exception {
    RateLimiter l = new RateLimiter(new RateLimit(10, 1, null, null, 0, null, null));
    InetAddress c = InetAddress.getByName("192.0.2.7");
    long second = 1_000_000_000L;

    long ms = 1_000_000L;

    assertThat(l.check(c, 10 * second)).isEqualTo(Decision.ANSWER); // created full: its one token
    assertThat(l.check(c, 10 * second + 100 * ms)).isEqualTo(Decision.ANSWER); // 0.1 s: 1 token
    assertThat(l.check(c, 10 * second + 50 * ms)).isEqualTo(Decision.DROP); // older: refills none
    // From 10.1 s, 0.05 s is half a token; counted from 10.05 s it would have been a whole one.
    assertThat(l.check(c, 10 * second + 150 * ms)).isEqualTo(Decision.DROP);
    assertThat(l.check(c, 10 * second + 200 * ms)).isEqualTo(Decision.ANSWER);
  }

  @Test
  void clientsInSamePrefix_shareABucket_otherPrefixesDoNot() throws Exception {
    RateLimiter l = new RateLimiter(new RateLimit(1, 1, 24, 56, 0, null, null));

    assertThat(l.check(InetAddress.getByName("192.0.2.1"), 0)).isEqualTo(Decision.ANSWER);
    assertThat(l.check(InetAddress.getByName("192.0.2.200"), 0)).isEqualTo(Decision.DROP);
    assertThat(l.check(InetAddress.getByName("198.51.100.1"), 0)).isEqualTo(Decision.ANSWER);
    assertThat(l.check(InetAddress.getByName("2001:db8:0:1::1"), 0)).isEqualTo(Decision.ANSWER);
    assertThat(l.check(InetAddress.getByName("2001:db8:0:ff::2"), 0)).isEqualTo(Decision.DROP);
  }

  @Test
  void spoofedFloodFromManyPrefixes_keepsMemoryBounded() throws Exception {
    RateLimiter l = new RateLimiter(new RateLimit(5, null, null, null, null, 100, null));
    for (int i = 0; i < 20_000; i++) {
      byte[] a = {(byte) (i >> 16), (byte) (i >> 8), (byte) i, 1};
      l.check(InetAddress.getByAddress(a), 0);
    }

    assertThat(l.tracked()).isLessThanOrEqualTo(110);
  }

  @Test
  void exemptClients_areNeverLimited_othersAre() throws Exception {
    RateLimiter l =
        new RateLimiter(new RateLimit(1, 1, null, null, 0, null, List.of("192.0.2.0/28")));

    for (int i = 0; i < 5; i++) {
      assertThat(l.check(InetAddress.getByName("192.0.2.3"), 0)).isEqualTo(Decision.ANSWER);
    }
    assertThat(l.check(InetAddress.getByName("192.0.2.100"), 0)).isEqualTo(Decision.ANSWER);
    assertThat(l.check(InetAddress.getByName("192.0.2.101"), 0)).isEqualTo(Decision.DROP);
  }

  @Test
  void defaults_limitEveryPrefix_butNotThisHost() throws Exception {
    RateLimit defaults = new RateLimit(null, null, null, null, null, null, null);
    RateLimiter l = new RateLimiter(defaults);
    int answered = 0;
    for (int i = 0; i < 5000; i++) {
      answered += l.check(InetAddress.getByName("198.51.100.9"), 0) == Decision.ANSWER ? 1 : 0;
    }

    assertThat(defaults.enabled()).isTrue();
    assertThat(answered).isEqualTo(defaults.qps());
    assertThat(l.check(InetAddress.getLoopbackAddress(), 0)).isEqualTo(Decision.ANSWER);
  }
}

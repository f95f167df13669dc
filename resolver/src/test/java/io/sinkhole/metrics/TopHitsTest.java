package io.sinkhole.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import io.sinkhole.metrics.TopHits.Hit;
import java.util.List;
import java.util.Random;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class TopHitsTest {
  private static TopHits.Key key(String name) {
    return new TopHits.Key(name, "threatfox", "4h_rat");
  }

  @Test
  void fewerIndicatorsThanCounters_areCountedExactlyAndRankedByCount() {
    TopHits hits = new TopHits(10);
    for (int i = 0; i < 5; i++) {
      hits.hit(key("api.r0csgo.example"));
    }
    hits.hit(key("cdn.bad.example"));
    hits.hit(key("cdn.bad.example"));
    hits.hit(key("a.bad.example"));

    assertThat(hits.top(10))
        .extracting(h -> h.key().indicator() + "=" + h.count())
        .containsExactly("api.r0csgo.example=5", "cdn.bad.example=2", "a.bad.example=1");
  }

  @Test
  void heavyHitters_surviveAStreamOfManyDistinctIndicators() {
    TopHits hits = new TopHits(20);
    Random random = new Random(7);
    for (int i = 0; i < 50_000; i++) {
      // Three beacons make up 30% of matches; the rest spread over 5,000 listed names.
      int r = random.nextInt(100);
      String name =
          r < 15
              ? "beacon-1.example"
              : r < 25
                  ? "beacon-2.example"
                  : r < 30 ? "beacon-3.example" : "n" + random.nextInt(5_000) + ".example";
      hits.hit(key(name));
    }

    List<TopHits.Hit> top = hits.top(3);
    assertThat(top)
        .extracting(h -> h.key().indicator())
        .containsExactly("beacon-1.example", "beacon-2.example", "beacon-3.example");
    // Space-Saving overstates a count by at most N / capacity.
    assertThat(top.get(0).count()).isBetween(7_500L - 1_000, 7_500L + 2_500 + 1_000);
  }

  @Test
  void smallestCounterOfThree_admitsANewIndicatorAboutOneTimeInFour() {
    SplittableRandom random = new SplittableRandom(11);
    int admitted = 0;
    for (int trial = 0; trial < 4_000; trial++) {
      TopHits hits = new TopHits(1, random);
      for (int i = 0; i < 3; i++) {
        hits.hit(key("held.example"));
      }
      hits.hit(key("new.example"));
      Hit only = hits.top(1).get(0);
      if (only.key().indicator().equals("new.example")) {
        assertThat(only.count()).isEqualTo(4); // takes over the counter and adds its own hit
        admitted++;
      }
    }

    assertThat(admitted).isBetween(880, 1_120); // 1 / (3 + 1) of 4,000, within 5 sigma
  }

  @Test
  void memory_staysAtCapacity() {
    TopHits hits = new TopHits(8);
    for (int i = 0; i < 1_000; i++) {
      hits.hit(key("n" + i + ".example"));
    }

    assertThat(hits.top(100)).hasSize(8);
  }

  @Test
  void sameIndicatorFromTwoFeeds_isTwoRows() {
    TopHits hits = new TopHits(10);
    hits.hit(new TopHits.Key("bad.example", "threatfox", "unknown"));
    hits.hit(new TopHits.Key("bad.example", "local", "unknown"));

    assertThat(hits.top(10)).extracting(h -> h.key().feed()).containsExactly("local", "threatfox");
  }
}

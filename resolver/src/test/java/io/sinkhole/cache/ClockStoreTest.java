package io.sinkhole.cache;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** CLOCK eviction and lifetimes of the cache's store, with a fake clock. */
class ClockStoreTest {
  private final AtomicLong clock = new AtomicLong(1_000_000_000L);

  @Test
  void readEntries_outliveUnreadOnes_whenTheBoundIsReached() throws Exception {
    int w = weight("h1.zone.example.");
    ClockStore<String> s = new ClockStore<>(3L * w, clock::get);
    for (String n : new String[] {"h1", "h2", "h3"}) {
      put(s, n + ".zone.example.", 300);
    }
    s.get(ResponseCacheTest.key("h1.zone.example."), clock.get());
    s.get(ResponseCacheTest.key("h2.zone.example."), clock.get());

    put(s, "h4.zone.example.", 300);

    assertThat(s.weight()).isLessThanOrEqualTo(3L * w);
    assertThat(s.get(ResponseCacheTest.key("h1.zone.example."), clock.get())).isNotNull();
    assertThat(s.get(ResponseCacheTest.key("h2.zone.example."), clock.get())).isNotNull();
  }

  @Test
  void entryPastItsLifetime_isAMiss_andGivesBackItsWeight() throws Exception {
    ClockStore<String> s = new ClockStore<>(1 << 20, clock::get);
    put(s, "h1.zone.example.", 30);
    clock.addAndGet(30_000_000_000L);

    assertThat(s.get(ResponseCacheTest.key("h1.zone.example."), clock.get())).isNull();
    assertThat(s.weight()).isZero();
    assertThat(s.size()).isZero();
  }

  @Test
  void replacingAnEntry_countsItsWeightOnce() throws Exception {
    ClockStore<String> s = new ClockStore<>(1 << 20, clock::get);
    put(s, "h1.zone.example.", 300);
    put(s, "h1.zone.example.", 300);

    assertThat(s.weight()).isEqualTo(weight("h1.zone.example."));
    s.clear();
    assertThat(s.weight()).isZero();
  }

  private void put(ClockStore<String> s, String name, long ttl) throws IOException {
    s.put(ResponseCacheTest.key(name), answer(name, ttl));
  }

  private CachedAnswer<String> answer(String name, long ttl) throws IOException {
    byte[] wire = ResponseCacheTest.positive(name, ttl);
    return new CachedAnswer<>(wire, AnswerScan.of(wire), clock.get(), ttl * 1_000_000_000L, "ok");
  }

  private int weight(String name) throws IOException {
    return ResponseCacheTest.key(name).weight() + answer(name, 300).weight();
  }
}

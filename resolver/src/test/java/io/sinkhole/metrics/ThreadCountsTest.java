package io.sinkhole.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class ThreadCountsTest {
  @Test
  void countsFromManyThreads_addUpExactly() throws Exception {
    ThreadCounts counts = new ThreadCounts(3);
    List<Thread> threads = new ArrayList<>();
    for (int t = 0; t < 6; t++) {
      int index = t % 3;
      Thread thread =
          new Thread(
              () -> {
                for (int i = 0; i < 100_000; i++) {
                  counts.increment(index);
                }
              });
      threads.add(thread);
      thread.start();
    }
    for (Thread thread : threads) {
      thread.join();
    }

    assertThat(counts.sum(0)).isEqualTo(200_000);
    assertThat(counts.sum(1)).isEqualTo(200_000);
    assertThat(counts.sum(2)).isEqualTo(200_000);
  }

  /**
   * The in-flight figure reads "finished" before "started": while threads start and finish queries,
   * a reader must never see more finished than started (a drain would end early).
   */
  @Test
  void readingFinishedFirst_neverShowsMoreFinishedThanStarted() throws Exception {
    ThreadCounts counts = new ThreadCounts(2);
    AtomicBoolean running = new AtomicBoolean(true);
    List<Thread> workers = new ArrayList<>();
    for (int t = 0; t < 3; t++) {
      Thread w =
          new Thread(
              () -> {
                while (running.get()) {
                  counts.increment(0);
                  counts.increment(1);
                }
              });
      workers.add(w);
      w.start();
    }
    AtomicLong worst = new AtomicLong();
    long reads = 0;
    long end = System.nanoTime() + 300_000_000L;
    while (System.nanoTime() < end) {
      long finished = counts.sum(1);
      long started = counts.sum(0);
      worst.accumulateAndGet(finished - started, Math::max);
      reads++;
    }
    running.set(false);
    for (Thread w : workers) {
      w.join();
    }

    assertThat(reads).isPositive();
    assertThat(worst.get()).as("finished - started, largest seen").isLessThanOrEqualTo(0);
    assertThat(counts.sum(0)).isEqualTo(counts.sum(1));
  }
}

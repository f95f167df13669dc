package io.sinkhole.metrics;

import io.netty.util.concurrent.FastThreadLocal;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Counters that each thread adds to in its own array, without an atomic instruction, and that are
 * summed when read (a scrape, a drain).
 *
 * <p>Every answered query bumps a few counters on its event loop. A {@code LongAdder} or a
 * Micrometer counter does that with a locked compare-and-swap, which also waits for the core's
 * pending stores to drain: on the blocked and cached workloads those were 6-10 % of the event
 * loop's Java samples (issue #5). Here a thread's cell is written only by that thread, with a
 * release store (a plain store on x86), and read with acquire loads, so a reader that sees a later
 * count of one thread also sees its earlier ones.
 */
final class ThreadCounts {
  private static final VarHandle CELL = MethodHandles.arrayElementVarHandle(long[].class);

  private final int size;
  private final List<long[]> cells = new CopyOnWriteArrayList<>();
  private final FastThreadLocal<long[]> mine =
      new FastThreadLocal<>() {
        @Override
        protected long[] initialValue() {
          long[] c = new long[size];
          cells.add(c);
          return c;
        }
      };

  ThreadCounts(int size) {
    this.size = size;
  }

  /** Adds one to counter {@code i} of the calling thread. */
  void increment(int i) {
    long[] c = mine.get();
    CELL.setRelease(c, i, c[i] + 1);
  }

  /** Adds {@code delta} to counter {@code i} of the calling thread. */
  void add(int i, long delta) {
    long[] c = mine.get();
    CELL.setRelease(c, i, c[i] + delta);
  }

  /** Counter {@code i} over every thread that has counted. */
  long sum(int i) {
    long total = 0;
    for (long[] c : cells) {
      total += (long) CELL.getAcquire(c, i);
    }
    return total;
  }

  int size() {
    return size;
  }
}

package io.sinkhole.transport;

/**
 * When the datagrams of one read arrived. One {@code recvmmsg} hands the UDP handler up to 16
 * queries that were all waiting when it returned, so the clocks are read once for them all instead
 * of three times for each (issue #5: {@code clock_gettime} was 4 % of the answering core on the
 * cached workload). A query's latency then runs from the read that brought it, which includes its
 * wait behind the queries before it in the batch. One instance per handler, used on its event loop.
 */
final class ReceiveClock {
  private long nanos;
  private long millis;

  /** Reads both clocks: at the start of a read batch, or for each TCP message. */
  void mark() {
    nanos = System.nanoTime();
    millis = System.currentTimeMillis();
  }

  /** {@link System#nanoTime} at the last {@link #mark}. */
  long nanos() {
    return nanos;
  }

  /** {@link System#currentTimeMillis} at the last {@link #mark}. */
  long millis() {
    return millis;
  }
}

package io.sinkhole.testing;

import java.time.Duration;

/** Waits for a condition with a deadline, so tests of background work stay short and bounded. */
public final class Poll {
  /** A condition that may do I/O. */
  public interface Check {
    boolean holds() throws Exception;
  }

  private Poll() {}

  /** Polls every 50 ms until {@code check} holds; returns false when {@code limit} passed. */
  public static boolean until(Duration limit, Check check) throws Exception {
    long deadline = System.nanoTime() + limit.toNanos();
    while (true) {
      if (check.holds()) {
        return true;
      }
      if (System.nanoTime() > deadline) {
        return false;
      }
      UnboundUpstream.sleep(50);
    }
  }
}

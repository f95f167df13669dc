package io.sinkhole.source;

/**
 * Decides whether a freshly parsed feed may replace the last good one. A truncated download, an
 * HTML error page served with status 200, or a file caught half-written all parse "successfully"
 * into far fewer indicators (or mostly problems); publishing that would silently unblock names. The
 * guards only apply once a feed has good contents to keep.
 */
final class FeedGuard {
  private FeedGuard() {}

  /** What the guards look at in a parse: indicators read and problems found. */
  record Tally(int indicators, int problems) {
    static Tally of(FeedContents contents) {
      return new Tally(contents.count(), contents.notes().problemCount());
    }
  }

  /**
   * @param last the last good parse, or null on a feed's first load
   * @param maxShrink fraction of the last good count the new parse may lose (1 accepts anything)
   */
  static void check(Tally last, Tally next, double maxShrink) throws FeedRejectedException {
    if (last == null) {
      return;
    }
    int before = last.indicators();
    int after = next.indicators();
    int problems = next.problems();
    if (problems > after) {
      throw new FeedRejectedException(
          "problems", problems + " problems outnumber the " + after + " indicators read");
    }
    if (after == 0 && before > 0 && maxShrink < 1) {
      throw new FeedRejectedException("empty", "no indicators (last good load had " + before + ")");
    }
    if (after < before * (1 - maxShrink)) {
      throw new FeedRejectedException(
          "shrink",
          "shrank from "
              + before
              + " to "
              + after
              + " indicators, more than max_shrink "
              + maxShrink
              + " allows");
    }
  }
}

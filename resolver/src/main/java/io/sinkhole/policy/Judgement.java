package io.sinkhole.policy;

import io.sinkhole.config.FeedConfig;
import io.sinkhole.config.PolicyConfig;
import io.sinkhole.config.SinkholeConfig.Action;
import io.sinkhole.ioc.Provenance;
import io.sinkhole.ioc.ThreatInfo;
import io.sinkhole.policy.Verdict.Outcome;
import java.util.Map;

/**
 * What one claim would do under its feed's action and thresholds. The reason in words is made from
 * these fields only when an event is written ({@link RuleText}).
 *
 * @param assumed the claim had no confidence of its own, so the feed's default was used
 */
record Judgement(
    Outcome outcome,
    Provenance claim,
    int confidence,
    boolean assumed,
    Action action,
    int blockAt,
    int monitorAt)
    implements RuleText {

  static Judgement of(
      Provenance claim,
      FeedConfig feed,
      Map<String, PolicyConfig.FeedOverride> group,
      boolean monitorOnly) {
    PolicyConfig.FeedOverride o = feed == null ? null : group.get(feed.name());
    Action action =
        pick(o == null ? null : o.action(), feed == null ? Action.BLOCK : feed.action());
    int blockAt =
        pick(o == null ? null : o.blockConfidence(), feed == null ? 0 : feed.blockConfidence());
    int monitorAt =
        pick(o == null ? null : o.monitorConfidence(), feed == null ? 0 : feed.monitorConfidence());
    int c = claim.threat().confidence();
    boolean assumed = c == ThreatInfo.UNKNOWN_CONFIDENCE;
    int confidence = assumed ? (feed == null ? 100 : feed.defaultConfidence()) : c;
    Outcome out;
    if (action == Action.OFF) {
      out = Outcome.ALLOW;
    } else if (confidence >= blockAt) {
      out = action == Action.BLOCK && !monitorOnly ? Outcome.BLOCK : Outcome.MONITOR;
    } else {
      out = confidence >= monitorAt ? Outcome.MONITOR : Outcome.ALLOW;
    }
    return new Judgement(out, claim, confidence, assumed, action, blockAt, monitorAt);
  }

  private static <T> T pick(T override, T own) {
    return override != null ? override : own;
  }

  @Override
  public String text() {
    String feedName = "feed " + claim.feedName() + ": ";
    String conf = "confidence " + confidence + (assumed ? " (feed default)" : "");
    if (action == Action.OFF) {
      return feedName + "off";
    }
    if (confidence >= blockAt) {
      String verb = outcome == Outcome.BLOCK ? "block" : "monitor";
      return feedName + verb + " (" + conf + " >= block_confidence " + blockAt + ")";
    }
    if (confidence >= monitorAt) {
      return feedName
          + "monitor ("
          + conf
          + " < block_confidence "
          + blockAt
          + ", >= monitor_confidence "
          + monitorAt
          + ")";
    }
    return feedName + "ignore (" + conf + " < monitor_confidence " + monitorAt + ")";
  }

  /** Block beats monitor beats ignore; then the higher confidence. */
  boolean strongerThan(Judgement other) {
    if (outcome != other.outcome) {
      return rank(outcome) > rank(other.outcome);
    }
    return confidence > other.confidence;
  }

  private static int rank(Outcome o) {
    return switch (o) {
      case BLOCK -> 2;
      case MONITOR -> 1;
      case ALLOW -> 0;
    };
  }
}

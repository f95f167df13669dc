package io.sinkhole.policy;

import io.sinkhole.config.FeedConfig;
import io.sinkhole.config.PolicyConfig;
import io.sinkhole.config.SinkholeConfig.Action;
import io.sinkhole.ioc.Provenance;
import io.sinkhole.ioc.ThreatInfo;
import io.sinkhole.policy.Verdict.Outcome;
import java.util.Map;

/** What one claim would do under its feed's action and thresholds, with the reason in words. */
record Judgement(Outcome outcome, Provenance claim, int confidence, String rule) {

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
    String conf = "confidence " + confidence + (assumed ? " (feed default)" : "");
    String feedName = "feed " + claim.feedName() + ": ";
    if (action == Action.OFF) {
      return new Judgement(Outcome.ALLOW, claim, confidence, feedName + "off");
    }
    if (confidence >= blockAt) {
      Outcome out = action == Action.BLOCK && !monitorOnly ? Outcome.BLOCK : Outcome.MONITOR;
      String verb = out == Outcome.BLOCK ? "block" : "monitor";
      return new Judgement(
          out,
          claim,
          confidence,
          feedName + verb + " (" + conf + " >= block_confidence " + blockAt + ")");
    }
    if (confidence >= monitorAt) {
      return new Judgement(
          Outcome.MONITOR,
          claim,
          confidence,
          feedName
              + "monitor ("
              + conf
              + " < block_confidence "
              + blockAt
              + ", >= monitor_confidence "
              + monitorAt
              + ")");
    }
    return new Judgement(
        Outcome.ALLOW,
        claim,
        confidence,
        feedName + "ignore (" + conf + " < monitor_confidence " + monitorAt + ")");
  }

  private static <T> T pick(T override, T own) {
    return override != null ? override : own;
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

package io.sinkhole.policy;

import io.sinkhole.config.SinkholeConfig;
import io.sinkhole.config.SinkholeConfig.Action;
import io.sinkhole.ioc.Directive;
import io.sinkhole.ioc.DomainMatch;
import io.sinkhole.ioc.Provenance;
import io.sinkhole.ioc.ThreatInfo;
import io.sinkhole.policy.Verdict.Outcome;
import java.util.List;

/**
 * Turns the claims behind a match into one verdict. When several feeds list a name, every claim is
 * kept and the strongest decides: an explicit allow beats everything, then block beats monitor,
 * then higher confidence wins (issue #3).
 */
public final class Policy {
  private final List<SinkholeConfig.Feed> feeds;
  private final SinkholeConfig.Mode mode;

  public Policy(SinkholeConfig config) {
    this.feeds = config.feeds();
    this.mode = config.block().mode();
  }

  /** The verdict for a query name match; {@link Verdict#ALLOW} when nothing applies. */
  public Verdict decide(DomainMatch match, String matchedName) {
    if (match == null) {
      return Verdict.ALLOW;
    }
    Provenance best = null;
    Outcome bestOutcome = Outcome.ALLOW;
    for (Provenance claim : match.claims()) {
      Outcome o = outcomeOf(claim);
      if (claim.directive() == Directive.ALLOW) {
        return new Verdict(Outcome.ALLOW, match, claim, matchedName, null, rule(claim, "allow"));
      }
      if (o != Outcome.ALLOW && (best == null || stronger(o, claim, bestOutcome, best))) {
        best = claim;
        bestOutcome = o;
      }
    }
    if (best == null) {
      return Verdict.ALLOW;
    }
    String verb = bestOutcome == Outcome.BLOCK ? "block" : "monitor";
    return new Verdict(bestOutcome, match, best, matchedName, null, rule(best, verb));
  }

  private Outcome outcomeOf(Provenance claim) {
    Action action = claim.feed() < feeds.size() ? feeds.get(claim.feed()).action() : Action.BLOCK;
    return switch (action) {
      case OFF -> Outcome.ALLOW;
      case MONITOR -> Outcome.MONITOR;
      case BLOCK -> mode == SinkholeConfig.Mode.MONITOR ? Outcome.MONITOR : Outcome.BLOCK;
    };
  }

  private static boolean stronger(Outcome o, Provenance c, Outcome bestO, Provenance best) {
    if (o != bestO) {
      return o == Outcome.BLOCK;
    }
    return c.threat().confidence() > best.threat().confidence();
  }

  private static String rule(Provenance claim, String verb) {
    ThreatInfo t = claim.threat();
    String confidence =
        t.confidence() == ThreatInfo.UNKNOWN_CONFIDENCE
            ? ""
            : " (confidence " + t.confidence() + ")";
    return "feed " + claim.feedName() + ": " + verb + confidence;
  }
}

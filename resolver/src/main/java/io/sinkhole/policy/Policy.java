package io.sinkhole.policy;

import io.sinkhole.config.ConfigException;
import io.sinkhole.config.FeedConfig;
import io.sinkhole.config.PolicyConfig;
import io.sinkhole.config.PolicyConfig.ClientAction;
import io.sinkhole.config.SinkholeConfig;
import io.sinkhole.ioc.Directive;
import io.sinkhole.ioc.DomainMatch;
import io.sinkhole.ioc.Provenance;
import io.sinkhole.policy.Verdict.Outcome;
import java.net.InetAddress;
import java.util.List;
import java.util.Map;

/**
 * Turns the claims behind a match into one explainable verdict (issue #3). In order:
 *
 * <ol>
 *   <li>the allowlist beats every feed;
 *   <li>a client rule may exempt the client, make it monitor-only, or select a policy group;
 *   <li>an explicit allow in a feed (RPZ passthru, adblock exception) beats blocks;
 *   <li>each claim is judged by its feed's action and confidence thresholds (or the group's);
 *   <li>the strongest claim decides: block over monitor, then the higher confidence.
 * </ol>
 *
 * <p>Immutable; a reload builds a new one.
 */
public final class Policy {
  private final List<FeedConfig> feeds;
  private final SinkholeConfig.Mode mode;
  private final Allowlist allowlist;
  private final ClientRules clients;
  private final Map<String, Map<String, PolicyConfig.FeedOverride>> groups;

  private Policy(SinkholeConfig config, Allowlist allowlist, ClientRules clients) {
    this.feeds = config.feeds();
    this.mode = config.block().mode();
    this.allowlist = allowlist;
    this.clients = clients;
    this.groups = config.groups();
  }

  /** Builds the policy, reading allowlist files; errors name the file, line and field. */
  public static Policy load(SinkholeConfig config) throws ConfigException {
    return new Policy(config, Allowlist.load(config), ClientRules.of(config));
  }

  /** The verdict for a match on {@code name} asked by {@code client}. */
  public Verdict decide(DomainMatch match, String name, InetAddress client) {
    if (match == null) {
      return Verdict.ALLOW;
    }
    String allowed = allowlist.allows(name);
    Provenance first = match.claims().get(0);
    if (allowed != null) {
      return verdict(Outcome.ALLOW, match, first, name, () -> "allowlist " + allowed);
    }
    ClientRules.Range rule = clients.find(client);
    if (rule != null && rule.rule().action() == ClientAction.EXEMPT) {
      return verdict(Outcome.ALLOW, match, first, name, () -> "client " + rule.text() + ": exempt");
    }
    return judge(match, name, rule);
  }

  private Verdict judge(DomainMatch match, String name, ClientRules.Range client) {
    Map<String, PolicyConfig.FeedOverride> group =
        client != null && client.rule().action() == ClientAction.GROUP
            ? groups.get(client.rule().group())
            : Map.of();
    boolean monitorOnly =
        mode == SinkholeConfig.Mode.MONITOR
            || client != null && client.rule().action() == ClientAction.MONITOR;
    Judgement best = null;
    for (Provenance claim : match.claims()) {
      if (claim.directive() == Directive.ALLOW) {
        return verdict(
            Outcome.ALLOW, match, claim, name, () -> "feed " + claim.feedName() + ": allow");
      }
      Judgement j = Judgement.of(claim, feedOf(claim), group, monitorOnly);
      if (best == null || j.strongerThan(best)) {
        best = j;
      }
    }
    if (client == null) {
      return verdict(best.outcome(), match, best.claim(), name, best);
    }
    Judgement decided = best;
    RuleText text = () -> "client " + client.text() + describe(client) + ": " + decided.text();
    return verdict(best.outcome(), match, best.claim(), name, text);
  }

  private static String describe(ClientRules.Range client) {
    PolicyConfig.ClientRule r = client.rule();
    return r.action() == ClientAction.GROUP ? " group " + r.group() : " monitor-only";
  }

  private FeedConfig feedOf(Provenance claim) {
    return claim.feed() < feeds.size() ? feeds.get(claim.feed()) : null;
  }

  private static Verdict verdict(
      Outcome o, DomainMatch m, Provenance claim, String name, RuleText rule) {
    return new Verdict(o, m, claim, name, null, rule);
  }
}

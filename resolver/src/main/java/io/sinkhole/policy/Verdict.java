package io.sinkhole.policy;

import io.sinkhole.ioc.DomainMatch;
import io.sinkhole.ioc.Provenance;

/**
 * The decision for one query, with everything an analyst needs to explain it.
 *
 * @param outcome what happens to the query
 * @param match the listed name found, or null
 * @param claim the claim that decided, or null
 * @param matchedName the name that matched: the query name or a CNAME target in the answer
 * @param maliciousIp an answer address that matched an address indicator, or null
 * @param reason the rule that decided, in words made on demand ({@link #rule()})
 */
public record Verdict(
    Outcome outcome,
    DomainMatch match,
    Provenance claim,
    String matchedName,
    String maliciousIp,
    RuleText reason) {

  public static final Verdict ALLOW =
      new Verdict(Outcome.ALLOW, null, null, null, null, (RuleText) null);

  public Verdict(
      Outcome outcome,
      DomainMatch match,
      Provenance claim,
      String matchedName,
      String maliciousIp,
      String rule) {
    this(outcome, match, claim, matchedName, maliciousIp, rule == null ? null : RuleText.of(rule));
  }

  /** Human-readable rule, such as {@code feed threatfox: block (confidence 75)}, or null. */
  public String rule() {
    return reason == null ? null : reason.text();
  }

  /** What a query's decision does. */
  public enum Outcome {
    ALLOW,
    BLOCK,
    MONITOR
  }

  public boolean matched() {
    return claim != null;
  }
}

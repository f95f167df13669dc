package io.sinkhole.ioc;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * An immutable snapshot of every loaded indicator. A reload builds a new one beside the old and
 * publishes it atomically, so a query never sees a half-loaded set.
 */
public final class IocSet {
  private static final java.util.concurrent.atomic.AtomicLong GENERATIONS =
      new java.util.concurrent.atomic.AtomicLong();

  /** Distinct for every snapshot built, so caches can tell snapshots apart without holding one. */
  private final long generation = GENERATIONS.incrementAndGet();

  public static final IocSet EMPTY = new IocSetBuilder().build();

  private final DomainIndex domains;
  private final ClaimRefs entryClaims;
  private final Provenance[] provenances;
  private final int[][] groups;
  private final AddressSet addresses;
  private final Map<String, Map<IndicatorType, Integer>> counts;

  IocSet(
      DomainIndex domains,
      ClaimRefs entryClaims,
      Provenance[] provenances,
      int[][] groups,
      AddressSet addresses,
      Map<String, Map<IndicatorType, Integer>> counts) {
    this.domains = domains;
    this.entryClaims = entryClaims;
    this.provenances = provenances;
    this.groups = groups;
    this.addresses = addresses;
    this.counts = counts;
  }

  public long generation() {
    return generation;
  }

  /** Distinct listed names. */
  public int domainCount() {
    return domains.size();
  }

  /** Indicators loaded per feed and type, as read (before de-duplication across feeds). */
  public Map<String, Map<IndicatorType, Integer>> counts() {
    return counts;
  }

  /**
   * Calls {@code action} with every listed name (presentation form) and each claim on it, for
   * exports such as {@code sinkhole kql}. Expired claims are included: a hunt looks back in time.
   */
  public void forEachName(java.util.function.BiConsumer<String, Provenance> action) {
    for (int e = 0; e < domains.size(); e++) {
      String name = domains.presentation(e);
      int ref = entryClaims.get(e);
      if (ref >= 0) {
        action.accept(name, provenances[ref]);
      } else {
        for (int p : groups[-ref - 1]) {
          action.accept(name, provenances[p]);
        }
      }
    }
  }

  public AddressSet addresses() {
    return addresses;
  }

  /**
   * Finds the most specific listed name that covers a wire-form name, ignoring claims that have
   * expired at {@code nowMillis}. A listed subdomain decides before its listed parent.
   *
   * @param scratch at least {@code labelCount} entries, overwritten
   * @return null when nothing covers the name
   */
  public DomainMatch match(
      byte[] wire, int[] labelStarts, int labelCount, int length, long nowMillis, long[] scratch) {
    if (domains.size() == 0 || labelCount == 0) {
      return null;
    }
    int first = domains.findSuffixes(wire, labelStarts, labelCount, length, scratch);
    for (int i = first; i < labelCount; i++) {
      int entry = (int) scratch[i];
      if (entry >= 0) {
        List<Provenance> live = liveClaims(entry, i, nowMillis);
        if (!live.isEmpty()) {
          return new DomainMatch(domains.presentation(entry), i, i, live);
        }
      }
    }
    return null;
  }

  // A list feed gives most names one claim: an immutable one-element list is the smallest answer.
  private List<Provenance> liveClaims(int entry, int depth, long nowMillis) {
    int ref = entryClaims.get(entry);
    if (ref >= 0) {
      return isLive(provenances[ref], depth, nowMillis) ? List.of(provenances[ref]) : List.of();
    }
    List<Provenance> out = new ArrayList<>(2);
    for (int p : groups[-ref - 1]) {
      if (isLive(provenances[p], depth, nowMillis)) {
        out.add(provenances[p]);
      }
    }
    return out;
  }

  private static boolean isLive(Provenance p, int depth, long nowMillis) {
    ThreatInfo t = p.threat();
    boolean expired = t.validUntil() != null && t.validUntil().toEpochMilli() < nowMillis;
    return !expired && p.covers(depth);
  }
}

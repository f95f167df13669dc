package io.sinkhole.ioc;

/** Which names an indicator covers relative to its value. */
public enum MatchScope {
  /** Decided by the feed's {@code subdomains} policy (the default for most formats). */
  FEED_DEFAULT,
  /** Only the listed name itself. */
  EXACT,
  /** Only names strictly below the listed one (RPZ {@code *.name}). */
  SUBDOMAINS_ONLY,
  /** The listed name and every name below it. */
  NAME_AND_SUBDOMAINS
}

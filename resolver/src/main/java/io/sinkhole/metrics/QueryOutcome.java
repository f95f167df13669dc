package io.sinkhole.metrics;

import java.util.Locale;

/** The {@code outcome} label of {@code sinkhole_queries_total}. */
public enum QueryOutcome {
  FORWARDED,
  BLOCKED,
  MONITORED,
  CACHED,
  LOCAL,
  REFUSED,
  FORMERR,
  SERVFAIL,
  RATELIMITED;

  String label() {
    return name().toLowerCase(Locale.ROOT);
  }
}

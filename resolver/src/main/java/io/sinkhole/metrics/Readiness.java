package io.sinkhole.metrics;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;

/**
 * The conditions behind {@code /readyz}: the instance should receive traffic only while every one
 * holds. Each check is named, so a 503 says which one failed.
 */
public final class Readiness {
  private final Map<String, BooleanSupplier> checks = new LinkedHashMap<>();

  /** Adds a condition; {@code ok} is evaluated on every request, so it must be cheap. */
  public synchronized Readiness require(String name, BooleanSupplier ok) {
    checks.put(name, ok);
    return this;
  }

  /** Names of the checks that fail now; empty when ready. */
  public synchronized List<String> failing() {
    List<String> out = new ArrayList<>();
    checks.forEach(
        (name, ok) -> {
          if (!ok.getAsBoolean()) {
            out.add(name);
          }
        });
    return out;
  }

  /** Ready only with at least one check, so a half-built instance is never ready. */
  public synchronized boolean ready() {
    return !checks.isEmpty() && failing().isEmpty();
  }

  /** The verdict and one line per check, from a single evaluation of each. */
  synchronized Report report() {
    StringBuilder lines = new StringBuilder();
    boolean ready = !checks.isEmpty();
    for (Map.Entry<String, BooleanSupplier> check : checks.entrySet()) {
      boolean ok = check.getValue().getAsBoolean();
      ready &= ok;
      lines.append(check.getKey()).append(ok ? ": ok\n" : ": failing\n");
    }
    return new Report(ready, (ready ? "ready\n" : "not ready\n") + lines);
  }

  /** What {@code /readyz} answers. */
  record Report(boolean ready, String body) {}
}

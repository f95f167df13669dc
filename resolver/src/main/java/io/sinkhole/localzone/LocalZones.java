package io.sinkhole.localzone;

import io.sinkhole.config.LocalZonesConfig;
import io.sinkhole.wire.Query;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Decides whether a query falls in a zone answered here. Work is done only for names under {@code
 * arpa}, so forward lookups pay one comparison of the last label.
 */
public final class LocalZones {
  private static final byte[] ARPA = {4, 'a', 'r', 'p', 'a'};

  private final Set<String> zones = new HashSet<>();
  private final Set<String> forwarded = new HashSet<>();

  public LocalZones(LocalZonesConfig config) {
    if (config.privateReverse()) {
      ReverseZones.all().forEach(z -> zones.add(wire(z)));
    }
    config.forwardPrivateReverse().forEach(z -> forwarded.add(wire(z)));
  }

  /**
   * The index of the query label where a local zone starts (0 when the query is the zone apex), or
   * -1 when the query is not local. A configured forward for the name or any zone above it wins.
   */
  public int zoneLabel(Query q) {
    if (zones.isEmpty() || !underArpa(q)) {
      return -1;
    }
    int found = -1;
    for (int i = q.labelCount() - 1; i >= 0; i--) {
      String suffix = suffix(q, i);
      if (forwarded.contains(suffix)) {
        return -1;
      }
      found = found < 0 && zones.contains(suffix) ? i : found;
    }
    return found;
  }

  private static boolean underArpa(Query q) {
    int n = q.labelCount();
    if (n == 0 || q.nameLength() - q.labelStart(n - 1) != ARPA.length) {
      return false;
    }
    byte[] b = q.nameBytes();
    int start = q.labelStart(n - 1);
    for (int i = 0; i < ARPA.length; i++) {
      if (b[start + i] != ARPA[i]) {
        return false;
      }
    }
    return true;
  }

  /** The wire-form suffix from label {@code i}, as a string of bytes for set lookups. */
  private static String suffix(Query q, int i) {
    int start = q.labelStart(i);
    return new String(q.nameBytes(), start, q.nameLength() - start, StandardCharsets.ISO_8859_1);
  }

  /** Presentation name (no escapes: the zones above need none) to the same wire-form string. */
  private static String wire(String name) {
    StringBuilder s = new StringBuilder();
    for (String label : List.of(name.split("\\."))) {
      s.append((char) label.length()).append(label);
    }
    return s.toString();
  }
}

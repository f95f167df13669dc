package io.sinkhole.bench;

import io.sinkhole.ioc.WireNames;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

/**
 * Query names for the match benchmark, in the wire form {@code QueryParser} produces: 2 to 6
 * labels (uniform), a given share of them under a listed name, the rest under names that are not
 * listed. Misses dominate real traffic, and a miss walks every label, so it is the costly case.
 */
final class MatchQueries {
  final byte[][] names;
  final int[][] labelStarts;
  final int[] labelCounts;
  final int[] lengths;

  MatchQueries(List<String> listed, int count, double hitShare, long seed) {
    names = new byte[count][];
    labelStarts = new int[count][];
    labelCounts = new int[count];
    lengths = new int[count];
    Random rng = new Random(seed);
    for (int i = 0; i < count; i++) {
      boolean hit = rng.nextDouble() < hitShare;
      String base = hit ? listed.get(rng.nextInt(listed.size())) : "nx" + BenchNames.one(rng);
      set(i, withLabels(base, 2 + rng.nextInt(5), rng));
    }
  }

  /** Mean labels per query: a miss costs one suffix probe per label. */
  double meanLabels() {
    long sum = 0;
    for (int c : labelCounts) {
      sum += c;
    }
    return (double) sum / labelCounts.length;
  }

  private static String withLabels(String base, int labels, Random rng) {
    String[] parts = base.split("\\.");
    if (parts.length > labels) {
      // Keep the registrable end so a hit stays a hit.
      return String.join(".", Arrays.copyOfRange(parts, parts.length - labels, parts.length));
    }
    StringBuilder b = new StringBuilder(base);
    for (int n = parts.length; n < labels; n++) {
      b.insert(0, BenchNames.SUBLABELS[rng.nextInt(BenchNames.SUBLABELS.length)] + ".");
    }
    return b.toString();
  }

  private void set(int i, String name) {
    byte[] wire = new byte[256];
    int length = WireNames.toWire(name, wire);
    int[] starts = new int[64];
    int count = 0;
    for (int p = 0; p < length; p += (wire[p] & 0xff) + 1) {
      starts[count++] = p;
    }
    names[i] = Arrays.copyOf(wire, length);
    labelStarts[i] = Arrays.copyOf(starts, count);
    labelCounts[i] = count;
    lengths[i] = length;
  }
}

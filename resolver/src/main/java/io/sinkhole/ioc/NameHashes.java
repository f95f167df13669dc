package io.sinkhole.ioc;

/**
 * The hash of a wire-form name, folded from its rightmost label leftwards, so one right-to-left
 * pass over a query name yields the hash of every suffix. Both the index and the lookup use these
 * functions; changing them changes every table, never one side alone.
 */
final class NameHashes {
  static final long SEED = 0x5bd1e9955bd1e995L;

  private NameHashes() {}

  /** The hash of the name made of {@code label} followed by the suffix hashed as {@code suffix}. */
  static long extend(long suffix, byte[] wire, int labelStart) {
    long h = (suffix ^ labelHash(wire, labelStart)) * 0x9e3779b97f4a7c15L;
    return h ^ (h >>> 31);
  }

  /**
   * Hashes every suffix of {@code wire[from, to)}: {@code out[i]} is the hash of the suffix that
   * starts at the i-th label. Returns the number of labels.
   *
   * @param starts scratch for label offsets, at least 128 entries (a 255-byte name has fewer)
   */
  static int suffixes(byte[] wire, int from, int to, int[] starts, long[] out) {
    int count = 0;
    for (int p = from; p < to; p += (wire[p] & 0xff) + 1) {
      starts[count++] = p;
    }
    long h = SEED;
    for (int i = count - 1; i >= 0; i--) {
      h = extend(h, wire, starts[i]);
      out[i] = h;
    }
    return count;
  }

  // FNV-1a over the label's length byte and bytes: labels are short (median under 8 bytes), so a
  // byte loop beats wider reads that need masking at both ends.
  private static long labelHash(byte[] wire, int start) {
    int len = wire[start] & 0xff;
    long h = 0xcbf29ce484222325L ^ len;
    for (int i = start + 1; i <= start + len; i++) {
      h = (h ^ wire[i]) * 0x100000001b3L;
    }
    return h;
  }
}

package io.sinkhole.ioc;

/**
 * The claim reference of every entry of a {@link DomainIndex}, in the narrowest array that holds
 * them: a hosts or domain list has one shared claim, so a million entries cost one megabyte here
 * instead of four (issue #5).
 *
 * <p>A reference {@code r >= 0} names one {@link Provenance}; {@code r < 0} names the group of
 * several claims at {@code -r - 1}. Stored values are shifted by the number of groups so that they
 * are never negative.
 */
final class ClaimRefs {
  private final int bias;
  private final byte[] bytes;
  private final short[] shorts;
  private final int[] ints;

  private ClaimRefs(int bias, byte[] bytes, short[] shorts, int[] ints) {
    this.bias = bias;
    this.bytes = bytes;
    this.shorts = shorts;
    this.ints = ints;
  }

  /** Packs {@code refs[0, size)}, whose group references go down to {@code -groups}. */
  static ClaimRefs of(int[] refs, int size, int groups, int provenances) {
    int widest = groups + provenances;
    if (widest <= 0xff) {
      byte[] out = new byte[size];
      for (int i = 0; i < size; i++) {
        out[i] = (byte) (refs[i] + groups);
      }
      return new ClaimRefs(groups, out, null, null);
    }
    if (widest <= 0xffff) {
      short[] out = new short[size];
      for (int i = 0; i < size; i++) {
        out[i] = (short) (refs[i] + groups);
      }
      return new ClaimRefs(groups, null, out, null);
    }
    return new ClaimRefs(0, null, null, java.util.Arrays.copyOf(refs, size));
  }

  int get(int entry) {
    if (bytes != null) {
      return (bytes[entry] & 0xff) - bias;
    }
    if (shorts != null) {
      return (shorts[entry] & 0xffff) - bias;
    }
    return ints[entry];
  }
}

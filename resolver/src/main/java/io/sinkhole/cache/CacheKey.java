package io.sinkhole.cache;

import java.util.Arrays;

/**
 * The normalised question (lower-case wire-form name, type, class) plus the request bits that
 * change the answer: DO and CD (RFC 4035 section 3.2) and whether the client spoke EDNS at all,
 * since an answer with an OPT record must not reach a client that sent none (RFC 6891 section 7).
 */
public final class CacheKey {
  static final int DO = 1;
  static final int CD = 2;
  static final int EDNS = 4;

  private final byte[] bytes;
  private final int hash;

  private CacheKey(byte[] bytes) {
    this.bytes = bytes;
    this.hash = Arrays.hashCode(bytes);
  }

  /**
   * @param name lower-case wire-form name; the first {@code length} bytes are used
   */
  public static CacheKey of(
      byte[] name,
      int length,
      int qtype,
      int qclass,
      boolean dnssecOk,
      boolean checkingDisabled,
      boolean edns) {
    byte[] b = Arrays.copyOf(name, length + 5);
    b[length] = (byte) (qtype >>> 8);
    b[length + 1] = (byte) qtype;
    b[length + 2] = (byte) (qclass >>> 8);
    b[length + 3] = (byte) qclass;
    b[length + 4] = (byte) ((dnssecOk ? DO : 0) | (checkingDisabled ? CD : 0) | (edns ? EDNS : 0));
    return new CacheKey(b);
  }

  int weight() {
    return bytes.length + 32;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof CacheKey k && hash == k.hash && Arrays.equals(bytes, k.bytes);
  }

  @Override
  public int hashCode() {
    return hash;
  }
}

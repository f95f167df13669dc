package io.sinkhole.cache;

import java.util.Arrays;

/**
 * The normalised question (lower-case wire-form name, type, class) plus the request bits that
 * change the answer: DO and CD (RFC 4035 section 3.2) and whether the client spoke EDNS at all,
 * since an answer with an OPT record must not reach a client that sent none (RFC 6891 section 7).
 *
 * <p>A key made by {@link #of} never changes and may be stored. A {@link #probe()} is one thread's
 * reusable key for lookups, refilled for every query so that a cache hit allocates no key (issue
 * #5); it must never be stored: {@link #copy()} it first.
 */
public final class CacheKey {
  static final int DO = 1;
  static final int CD = 2;
  static final int EDNS = 4;

  private byte[] bytes;
  private int length;
  private int hash;
  private final boolean probe;

  private CacheKey(byte[] bytes, int length, boolean probe) {
    this.bytes = bytes;
    this.length = length;
    this.hash = hash(bytes, length);
    this.probe = probe;
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
    byte[] b = new byte[length + 5];
    fill(b, name, length, qtype, qclass, dnssecOk, checkingDisabled, edns);
    return new CacheKey(b, b.length, false);
  }

  /** A reusable key for one thread's lookups; see the class comment. */
  public static CacheKey probe() {
    return new CacheKey(new byte[64], 0, true);
  }

  /** Refills this probe with a question, as {@link #of} would make it; returns this probe. */
  public CacheKey set(
      byte[] name,
      int length,
      int qtype,
      int qclass,
      boolean dnssecOk,
      boolean checkingDisabled,
      boolean edns) {
    if (!probe) {
      throw new IllegalStateException("only a probe key is refilled");
    }
    if (bytes.length < length + 5) {
      bytes = new byte[length + 5];
    }
    fill(bytes, name, length, qtype, qclass, dnssecOk, checkingDisabled, edns);
    this.length = length + 5;
    this.hash = hash(bytes, this.length);
    return this;
  }

  /** A key with the same content that never changes: what a probe becomes before it is kept. */
  public CacheKey copy() {
    return probe ? new CacheKey(Arrays.copyOf(bytes, length), length, false) : this;
  }

  private static void fill(
      byte[] b,
      byte[] name,
      int length,
      int qtype,
      int qclass,
      boolean dnssecOk,
      boolean checkingDisabled,
      boolean edns) {
    System.arraycopy(name, 0, b, 0, length);
    b[length] = (byte) (qtype >>> 8);
    b[length + 1] = (byte) qtype;
    b[length + 2] = (byte) (qclass >>> 8);
    b[length + 3] = (byte) qclass;
    b[length + 4] = (byte) ((dnssecOk ? DO : 0) | (checkingDisabled ? CD : 0) | (edns ? EDNS : 0));
  }

  /** {@link Arrays#hashCode(byte[])} of the first {@code length} bytes. */
  private static int hash(byte[] b, int length) {
    int h = 1;
    for (int i = 0; i < length; i++) {
      h = 31 * h + b[i];
    }
    return h;
  }

  int weight() {
    return length + 32;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof CacheKey k
        && hash == k.hash
        && Arrays.equals(bytes, 0, length, k.bytes, 0, k.length);
  }

  @Override
  public int hashCode() {
    return hash;
  }
}

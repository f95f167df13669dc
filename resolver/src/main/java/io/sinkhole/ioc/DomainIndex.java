package io.sinkhole.ioc;

import java.util.Arrays;

/**
 * An immutable-after-build set of domain names, laid out for suffix lookups from the wire.
 *
 * <p>Names are stored in wire form (length-prefixed labels, lower case, no root label) one after
 * another in a single byte array. An open-addressing table maps a 64-bit hash to the entry; the
 * hash of a name is folded from its rightmost label leftwards, so a lookup computes the hashes of
 * every suffix of the query name in one right-to-left pass and then costs one probe per label. A
 * 32-bit fingerprint per entry rejects almost every collision before the bytes are compared.
 *
 * <p>Memory per name is the name's wire length plus about 12 bytes for offset, fingerprint and
 * table slot (issue #5 budgets 40 bytes per name in total).
 */
public final class DomainIndex {
  private static final long SEED = 0x5bd1e9955bd1e995L;
  private static final double MAX_LOAD = 0.6;

  private byte[] names;
  private int[] offsets;
  private int[] fingerprints;
  private int[] table;
  private int size;
  private int namesLength;

  public DomainIndex(int expected) {
    names = new byte[Math.max(64, expected * 16)];
    offsets = new int[Math.max(8, expected + 1)];
    fingerprints = new int[Math.max(8, expected)];
    table = new int[tableCapacity(expected)];
  }

  /** Number of distinct names. */
  public int size() {
    return size;
  }

  /**
   * Adds a name in wire form and returns its entry number; a name already present returns the
   * existing entry. Only called while a new snapshot is being built.
   */
  public int add(byte[] wire, int length) {
    long h = hashWhole(wire, length);
    int found = find(wire, 0, length, h);
    if (found >= 0) {
      return found;
    }
    ensureRoom(length);
    int entry = size++;
    System.arraycopy(wire, 0, names, namesLength, length);
    offsets[entry] = namesLength;
    namesLength += length;
    offsets[entry + 1] = namesLength;
    fingerprints[entry] = (int) (h >>> 32);
    insert(h, entry);
    return entry;
  }

  /** Trims the build-time headroom; call once before publishing. */
  public DomainIndex compact() {
    names = Arrays.copyOf(names, namesLength);
    offsets = Arrays.copyOf(offsets, size + 1);
    fingerprints = Arrays.copyOf(fingerprints, size);
    return this;
  }

  /** Looks up the name {@code wire[start, start + length)} whose hash is {@code h}; -1 if none. */
  public int find(byte[] wire, int start, int length, long h) {
    int mask = table.length - 1;
    int fp = (int) (h >>> 32);
    for (int slot = (int) h & mask; ; slot = (slot + 1) & mask) {
      int e = table[slot] - 1;
      if (e < 0) {
        return -1;
      }
      if (fingerprints[e] == fp && equalsAt(e, wire, start, length)) {
        return e;
      }
    }
  }

  /** The wire-form bytes of an entry, for building presentation text. */
  public String presentation(int entry) {
    StringBuilder out = new StringBuilder();
    for (int p = offsets[entry]; p < offsets[entry + 1]; ) {
      int len = names[p];
      if (out.length() > 0) {
        out.append('.');
      }
      for (int i = 1; i <= len; i++) {
        out.append((char) (names[p + i] & 0xff));
      }
      p += len + 1;
    }
    return out.toString();
  }

  /**
   * Fills {@code hashes[i]} with the hash of the suffix that starts at label {@code i}.
   *
   * @param labelStarts offsets of each label's length byte in {@code wire}
   */
  public static void suffixHashes(
      byte[] wire, int[] labelStarts, int labelCount, int length, long[] hashes) {
    long h = SEED;
    for (int i = labelCount - 1; i >= 0; i--) {
      h = combine(h, labelHash(wire, labelStarts[i]));
      hashes[i] = h;
    }
  }

  static long hashWhole(byte[] wire, int length) {
    int[] starts = new int[128];
    int count = 0;
    for (int p = 0; p < length; p += (wire[p] & 0xff) + 1) {
      starts[count++] = p;
    }
    long[] hashes = new long[count];
    suffixHashes(wire, starts, count, length, hashes);
    return hashes[0];
  }

  private static long labelHash(byte[] wire, int start) {
    int len = wire[start] & 0xff;
    long h = 0xcbf29ce484222325L ^ len;
    for (int i = start + 1; i <= start + len; i++) {
      h = (h ^ wire[i]) * 0x100000001b3L;
    }
    return h;
  }

  private static long combine(long suffix, long label) {
    long h = (suffix ^ label) * 0x9e3779b97f4a7c15L;
    return h ^ (h >>> 31);
  }

  private boolean equalsAt(int entry, byte[] wire, int start, int length) {
    int from = offsets[entry];
    return offsets[entry + 1] - from == length
        && Arrays.equals(names, from, from + length, wire, start, start + length);
  }

  private void insert(long h, int entry) {
    int mask = table.length - 1;
    int slot = (int) h & mask;
    while (table[slot] != 0) {
      slot = (slot + 1) & mask;
    }
    table[slot] = entry + 1;
  }

  private void ensureRoom(int length) {
    if (namesLength + length > names.length) {
      names = Arrays.copyOf(names, Math.max(names.length * 2, namesLength + length));
    }
    if (size + 2 > offsets.length) {
      offsets = Arrays.copyOf(offsets, offsets.length * 2);
      fingerprints = Arrays.copyOf(fingerprints, offsets.length);
    }
    if (size + 1 > table.length * MAX_LOAD) {
      rehash(table.length * 2);
    }
  }

  private void rehash(int capacity) {
    table = new int[capacity];
    byte[] scratch = new byte[256];
    for (int e = 0; e < size; e++) {
      int len = offsets[e + 1] - offsets[e];
      System.arraycopy(names, offsets[e], scratch, 0, len);
      insert(hashWhole(scratch, len), e);
    }
  }

  private static int tableCapacity(int expected) {
    int cap = 16;
    while (cap * MAX_LOAD < expected + 1) {
      cap <<= 1;
    }
    return cap;
  }
}

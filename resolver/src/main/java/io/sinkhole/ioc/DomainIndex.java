package io.sinkhole.ioc;

import java.util.Arrays;

/**
 * An immutable-after-build set of domain names, laid out for suffix lookups from the wire.
 *
 * <p>Names are stored in wire form (length-prefixed labels, lower case, no root label) one after
 * another in a single byte array, and an open-addressing table of ints points at them. The hash of
 * a name is folded from its rightmost label leftwards ({@link NameHashes}), so a lookup hashes each
 * suffix of the query name in the same right-to-left pass that probes it. Each table slot packs the
 * entry number (low bits) with a fingerprint of the hash (the remaining high bits), so a probe that
 * misses is rejected by one memory access, without touching the names.
 *
 * <p>An {@link AncestorFilter} stops the walk at the first suffix with nothing listed below it, so
 * a query for an unlisted registrable domain costs one probe of this table whatever its depth.
 *
 * <p>Memory per name (issue #5 budget: 40 bytes in total, measured in the README, "Benchmarks"):
 * the wire length (about 17 bytes for block lists), 4 for the offset, 4 to 8 for the table slot
 * (the table is a power of two at most 60 % full), plus 4 per distinct ancestor.
 */
public final class DomainIndex {
  private static final double MAX_LOAD = 0.6;

  private byte[] names;
  private int[] offsets;
  private int[] table;
  private int entryBits;
  private int size;
  private int namesLength;
  private final AncestorFilter ancestors = new AncestorFilter();
  private int[] scratchStarts = new int[128];
  private long[] scratchHashes = new long[128];

  public DomainIndex(int expected) {
    names = new byte[Math.max(64, expected * 16)];
    offsets = new int[Math.max(8, expected + 1)];
    table = new int[tableCapacity(expected)];
    entryBits = Integer.numberOfTrailingZeros(table.length);
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
    int labels = NameHashes.suffixes(wire, 0, length, scratchStarts, scratchHashes);
    long h = scratchHashes[0];
    int found = find(wire, 0, length, h);
    if (found >= 0) {
      return found;
    }
    for (int i = 1; i < labels; i++) {
      ancestors.add(scratchHashes[i]);
    }
    ensureRoom(length);
    int entry = size++;
    System.arraycopy(wire, 0, names, namesLength, length);
    offsets[entry] = namesLength;
    namesLength += length;
    offsets[entry + 1] = namesLength;
    insert(table, entryBits, h, entry);
    return entry;
  }

  /** Trims the build-time headroom; call once before publishing. */
  public DomainIndex compact() {
    names = Arrays.copyOf(names, namesLength);
    offsets = Arrays.copyOf(offsets, size + 1);
    scratchStarts = null;
    scratchHashes = null;
    return this;
  }

  /** Looks up the name {@code wire[start, start + length)} whose hash is {@code h}; -1 if none. */
  public int find(byte[] wire, int start, int length, long h) {
    int mask = table.length - 1;
    int bits = entryBits;
    int fp = fingerprint(h, bits);
    for (int slot = (int) h & mask; ; slot = (slot + 1) & mask) {
      int v = table[slot];
      if (v == 0) {
        return -1;
      }
      int e = (v & ((1 << bits) - 1)) - 1;
      if (v >>> bits == fp && equalsAt(e, wire, start, length)) {
        return e;
      }
    }
  }

  /**
   * Probes every suffix of a wire-form name that could be listed, from the top-level label
   * leftwards, and stops where nothing listed lies below. Sets {@code found[i]} to the entry of the
   * suffix starting at label {@code i}, or -1, for every label from the returned index on.
   *
   * @param found scratch of at least {@code labelCount} entries
   * @return the leftmost label index probed; {@code found} is meaningless before it
   */
  public int findSuffixes(
      byte[] wire, int[] labelStarts, int labelCount, int length, long[] found) {
    long h = NameHashes.SEED;
    for (int i = labelCount - 1; i >= 0; i--) {
      int start = labelStarts[i];
      h = NameHashes.extend(h, wire, start);
      found[i] = find(wire, start, length - start, h);
      if (i > 0 && !ancestors.mayContain(h)) {
        return i;
      }
    }
    return 0;
  }

  /** The presentation form of an entry (lower case, no trailing dot). */
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
    long h = NameHashes.SEED;
    for (int i = labelCount - 1; i >= 0; i--) {
      h = NameHashes.extend(h, wire, labelStarts[i]);
      hashes[i] = h;
    }
  }

  /** Bytes held by the arrays of this index, for the load log and the memory figures. */
  public long arrayBytes() {
    return names.length + 4L * offsets.length + 4L * table.length + 4L * ancestors.capacity();
  }

  // The fingerprint takes the hash bits the slot number does not use.
  private static int fingerprint(long h, int entryBits) {
    return (int) (h >>> (32 + entryBits));
  }

  private boolean equalsAt(int entry, byte[] wire, int start, int length) {
    int from = offsets[entry];
    return offsets[entry + 1] - from == length
        && Arrays.equals(names, from, from + length, wire, start, start + length);
  }

  private static void insert(int[] table, int entryBits, long h, int entry) {
    int mask = table.length - 1;
    int slot = (int) h & mask;
    while (table[slot] != 0) {
      slot = (slot + 1) & mask;
    }
    table[slot] = fingerprint(h, entryBits) << entryBits | (entry + 1);
  }

  private void ensureRoom(int length) {
    if (namesLength + length > names.length) {
      names = Arrays.copyOf(names, Math.max(names.length * 2, namesLength + length));
    }
    if (size + 2 > offsets.length) {
      offsets = Arrays.copyOf(offsets, offsets.length * 2);
    }
    if (size + 1 > table.length * MAX_LOAD) {
      rehash(table.length * 2);
    }
  }

  // Slots hold fingerprints whose width depends on the table size, so every name is hashed again.
  private void rehash(int capacity) {
    int[] grown = new int[capacity];
    int bits = Integer.numberOfTrailingZeros(capacity);
    for (int e = 0; e < size; e++) {
      NameHashes.suffixes(names, offsets[e], offsets[e + 1], scratchStarts, scratchHashes);
      insert(grown, bits, scratchHashes[0], e);
    }
    table = grown;
    entryBits = bits;
  }

  private static int tableCapacity(int expected) {
    int cap = 16;
    while (cap * MAX_LOAD < expected + 1) {
      cap <<= 1;
    }
    return cap;
  }
}

package io.sinkhole.ioc;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * An immutable-after-build set of domain names, laid out for suffix lookups from the wire.
 *
 * <p>Names are stored in wire form (length-prefixed labels, lower case, no root label) one after
 * another in a single byte array, and an open-addressing table of ints points at them. The hash of
 * a name is folded from its rightmost label leftwards ({@link NameHashes}), so a lookup hashes each
 * suffix of the query name in the same right-to-left pass that probes it.
 *
 * <p>One slot answers both questions a suffix asks: is it listed, and may a listed name lie below
 * it (is it a proper ancestor of one)? A slot packs, from the low bits up, the entry number plus
 * one ({@code entryBits} wide; all ones for a slot that only marks an ancestor), an ancestor bit,
 * and a fingerprint of the hash. A probe that misses is rejected by one memory access, without
 * touching the names, and the walk from the top-level label stops at the first suffix with nothing
 * below it: an unlisted registrable domain costs one probe whatever the query's depth. An earlier
 * layout kept the ancestors in a second table, which cost a second cache miss per label (issue #5,
 * README "Lookups").
 *
 * <p>Ancestor marks are matched by fingerprint only. A mark goes on the first slot of its probe
 * chain whose fingerprint matches (a listed name takes over a mark-only slot it meets), so a lookup
 * has passed every place the mark can be by the time it finds the listed name or an empty slot. A
 * fingerprint collision can only make a lookup probe one label further, never change an answer:
 * listed names are always compared in full.
 *
 * <p>Memory per name (issue #5 budget: 40 bytes in total, measured in the README, "Benchmarks"):
 * the wire length (about 17 bytes for block lists), 4 for the offset, and 4 to 8 per table slot
 * (the table is a power of two at most 60 % full) for each listed name and each distinct ancestor
 * that is not itself listed.
 */
public final class DomainIndex {
  private static final double MAX_LOAD = 0.6;

  private byte[] names;
  private int[] offsets;
  private int[] table;
  private int entryBits;
  private int keyMask;
  private final int fingerprintMask;
  private int size;
  private int usedSlots;
  private int namesLength;
  private int[] scratchStarts = new int[128];
  private long[] scratchHashes = new long[128];

  public DomainIndex(int expected) {
    this(expected, -1);
  }

  /**
   * @param fingerprintMask the fingerprint bits kept; tests narrow it to force collisions
   */
  DomainIndex(int expected, int fingerprintMask) {
    this.fingerprintMask = fingerprintMask;
    names = new byte[Math.max(64, expected * 16)];
    offsets = new int[Math.max(8, expected + 1)];
    setTable(new int[tableCapacity(expected)]);
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
    int found = probe(wire, 0, length, scratchHashes[0]) >> 1;
    if (found >= 0) {
      return found;
    }
    ensureRoom(length, labels);
    int entry = size++;
    System.arraycopy(wire, 0, names, namesLength, length);
    offsets[entry] = namesLength;
    namesLength += length;
    offsets[entry + 1] = namesLength;
    usedSlots += place(table, entryBits, keyMask, scratchHashes, labels, entry);
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
    for (int i = labelCount - 1; i > 0; i--) {
      int start = labelStarts[i];
      h = NameHashes.extend(h, wire, start);
      int r = probe(wire, start, length - start, h);
      found[i] = r >> 1;
      if ((r & 1) == 0) {
        return i;
      }
    }
    h = NameHashes.extend(h, wire, labelStarts[0]);
    found[0] = probe(wire, labelStarts[0], length - labelStarts[0], h) >> 1;
    return 0;
  }

  /** The presentation form of an entry (lower case, no trailing dot). */
  public String presentation(int entry) {
    int from = offsets[entry];
    int to = offsets[entry + 1];
    byte[] out = new byte[to - from - 1];
    for (int p = from; p < to; p += names[p] + 1) {
      if (p > from) {
        out[p - from - 1] = '.';
      }
      System.arraycopy(names, p + 1, out, p - from, names[p]);
    }
    return new String(out, StandardCharsets.ISO_8859_1);
  }

  /** Bytes held by the arrays of this index, for the load log and the memory figures. */
  public long arrayBytes() {
    return names.length + 4L * offsets.length + 4L * table.length;
  }

  /**
   * One walk of the probe chain of {@code wire[start, start + length)}, whose hash is {@code h}.
   * Returns {@code entry << 1 | below}: the entry, or -1 when the name is not listed, and 1 when a
   * listed name may lie below it. This is the whole per-label cost of a lookup.
   */
  private int probe(byte[] wire, int start, int length, long h) {
    int[] t = table;
    int bits = entryBits;
    int mask = t.length - 1;
    int entryMask = (1 << bits) - 1;
    int fpMask = keyMask;
    int key = (int) (h >>> 32) & fpMask;
    int seen = 0;
    for (int slot = (int) h & mask; ; slot = (slot + 1) & mask) {
      int v = t[slot];
      if (v == 0) {
        return -2 | (seen >>> bits & 1);
      }
      if ((v & fpMask) == key) {
        seen |= v;
        int e = (v & entryMask) - 1;
        if (e != entryMask - 1 && equalsAt(e, wire, start, length)) {
          return e << 1 | (seen >>> bits & 1);
        }
      }
    }
  }

  private boolean equalsAt(int entry, byte[] wire, int start, int length) {
    int from = offsets[entry];
    return offsets[entry + 1] - from == length
        && Arrays.equals(names, from, from + length, wire, start, start + length);
  }

  /**
   * Puts a new entry whose suffix hashes are {@code hashes[0, labels)} into {@code t}, then marks
   * each proper suffix as an ancestor. Returns the number of slots it newly filled.
   */
  private static int place(int[] t, int bits, int keyMask, long[] hashes, int labels, int entry) {
    int filled = putEntry(t, bits, keyMask, hashes[0], entry);
    for (int i = 1; i < labels; i++) {
      filled += putMark(t, bits, keyMask, hashes[i]);
    }
    return filled;
  }

  // Takes the first empty slot, or a mark-only slot with the same fingerprint met before it:
  // keeping the mark there keeps it ahead of the entry in the chain.
  private static int putEntry(int[] t, int bits, int keyMask, long h, int entry) {
    int mask = t.length - 1;
    int entryMask = (1 << bits) - 1;
    int key = (int) (h >>> 32) & keyMask;
    for (int slot = (int) h & mask; ; slot = (slot + 1) & mask) {
      int v = t[slot];
      if (v == 0) {
        t[slot] = key | (entry + 1);
        return 1;
      }
      if ((v & entryMask) == entryMask && (v & keyMask) == key) {
        t[slot] = key | 1 << bits | (entry + 1);
        return 0;
      }
    }
  }

  // Marks the first slot of the chain whose fingerprint matches, or fills the first empty one.
  private static int putMark(int[] t, int bits, int keyMask, long h) {
    int mask = t.length - 1;
    int key = (int) (h >>> 32) & keyMask;
    for (int slot = (int) h & mask; ; slot = (slot + 1) & mask) {
      int v = t[slot];
      if (v == 0) {
        t[slot] = key | 1 << bits | ((1 << bits) - 1);
        return 1;
      }
      if ((v & keyMask) == key) {
        t[slot] = v | 1 << bits;
        return 0;
      }
    }
  }

  private void ensureRoom(int length, int labels) {
    if (namesLength + length > names.length) {
      names = Arrays.copyOf(names, Math.max(names.length * 2, namesLength + length));
    }
    if (size + 2 > offsets.length) {
      offsets = Arrays.copyOf(offsets, offsets.length * 2);
    }
    if (usedSlots + labels > table.length * MAX_LOAD) {
      rehash(tableCapacity(usedSlots + labels));
    }
  }

  // Fingerprints and marks depend on the table size and marks keep no hash, so every name is
  // hashed again and placed in the order it was added, which keeps each mark ahead of its entry.
  // Own scratch: the caller's holds the hashes of the name being added.
  private void rehash(int capacity) {
    int[] grown = new int[capacity];
    int bits = Integer.numberOfTrailingZeros(capacity);
    int grownMask = -2 << bits & fingerprintMask;
    int[] starts = new int[128];
    long[] hashes = new long[128];
    int filled = 0;
    for (int e = 0; e < size; e++) {
      int labels = NameHashes.suffixes(names, offsets[e], offsets[e + 1], starts, hashes);
      filled += place(grown, bits, grownMask, hashes, labels, e);
    }
    setTable(grown);
    usedSlots = filled;
  }

  // The fingerprint is the hash bits above the entry number and the ancestor bit.
  private void setTable(int[] t) {
    table = t;
    entryBits = Integer.numberOfTrailingZeros(t.length);
    keyMask = -2 << entryBits & fingerprintMask;
  }

  private static int tableCapacity(int expected) {
    int cap = 16;
    while (cap * MAX_LOAD < expected + 1) {
      cap <<= 1;
    }
    return cap;
  }
}

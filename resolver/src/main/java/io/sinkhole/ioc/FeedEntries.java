package io.sinkhole.ioc;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * One feed's indicators in the compact form a feed keeps between reloads, so that a rebuild after
 * another feed changed can reuse them without holding them as objects (issue #5: a parsed {@link
 * Indicator} with its strings costs about 100 bytes per line, this form about 19 for a hosts line).
 *
 * <p>Entries lie one after another in one byte array: the claim number (varint), the value length
 * (varint), then the value, in wire form for domains and as UTF-8 text for the other types. A claim
 * is what an entry says apart from its value (type, metadata, scope, directive); most lines of a
 * list share one, so the table of distinct claims stays small. File order is kept, so a set built
 * from this form is the one the indicators themselves would have built.
 */
public final class FeedEntries {
  private static final IndicatorType[] TYPES = IndicatorType.values();

  private final byte[] data;
  private final int length;
  private final Claim[] claims;
  private final int[] countsByType;
  private final int names;

  /** What an entry says apart from its value; shared by every entry that says the same. */
  record Claim(
      IndicatorType type,
      ThreatInfo threat,
      MatchScope scope,
      Directive directive,
      List<String> localData) {}

  private FeedEntries(byte[] data, int length, Claim[] claims, int[] countsByType, int names) {
    this.data = data;
    this.length = length;
    this.claims = claims;
    this.countsByType = countsByType;
    this.names = names;
  }

  /** A builder whose buffer starts at {@code expectedBytes} (at most 1 GiB), to avoid regrowth. */
  public static Builder builder(long expectedBytes) {
    return new Builder((int) Math.max(64, Math.min(expectedBytes, 1 << 30)));
  }

  /** The compact form of a list, for tests and benchmarks that build indicators by hand. */
  public static FeedEntries of(List<Indicator> indicators) {
    Builder b = builder(indicators.size() * 20L);
    indicators.forEach(b::add);
    return b.build();
  }

  /** Every indicator the parser produced, whether or not it could be stored (hashes are not). */
  public int count() {
    return Arrays.stream(countsByType).sum();
  }

  /** The indicators the parser produced, by type; types with none are left out. */
  public Map<IndicatorType, Integer> countByType() {
    Map<IndicatorType, Integer> out = new EnumMap<>(IndicatorType.class);
    for (IndicatorType t : TYPES) {
      if (countsByType[t.ordinal()] > 0) {
        out.put(t, countsByType[t.ordinal()]);
      }
    }
    return out;
  }

  /** Domain entries stored, to size the index of a set built from several feeds. */
  public int names() {
    return names;
  }

  /** Bytes held by the entry array, for the memory figures. */
  public long arrayBytes() {
    return data.length;
  }

  Claim claim(int index) {
    return claims[index];
  }

  int claimCount() {
    return claims.length;
  }

  Cursor cursor() {
    return new Cursor();
  }

  /** Walks the entries in file order; {@link #value} and {@link #start} index into its array. */
  final class Cursor {
    private int next;
    int claim;
    int start;
    int valueLength;

    boolean next() {
      if (next >= length) {
        return false;
      }
      claim = readVarint();
      valueLength = readVarint();
      start = next;
      next += valueLength;
      return true;
    }

    byte[] value() {
      return data;
    }

    String text() {
      return new String(data, start, valueLength, StandardCharsets.UTF_8);
    }

    private int readVarint() {
      int v = 0;
      for (int shift = 0; ; shift += 7) {
        byte b = data[next++];
        v |= (b & 0x7f) << shift;
        if (b >= 0) {
          return v;
        }
      }
    }
  }

  /** Collects a feed as its parser emits it; one per parse, not thread-safe. */
  public static final class Builder implements IndicatorSink {
    private byte[] data;
    private int length;
    private final Claims claims = new Claims();
    private final int[] countsByType = new int[TYPES.length];
    private final byte[] wire = new byte[256];
    private int names;

    private Builder(int capacity) {
      data = new byte[capacity];
    }

    @Override
    public void add(Indicator ind) {
      countsByType[ind.type().ordinal()]++;
      if (ind.type() == IndicatorType.HASH) {
        return;
      }
      int claim = claims.of(ind);
      if (ind.type() != IndicatorType.DOMAIN) {
        byte[] text = ind.value().getBytes(StandardCharsets.UTF_8);
        append(claim, text, text.length);
        return;
      }
      // The set builder drops a name that has no wire form, so it is counted but not stored.
      int n = WireNames.toWire(ind.value(), wire);
      if (n > 0) {
        append(claim, wire, n);
        names++;
      }
    }

    @Override
    public void addName(byte[] name, int n, MatchScope scope, int line) {
      countsByType[IndicatorType.DOMAIN.ordinal()]++;
      append(claims.plainName(scope), name, n);
      names++;
    }

    /** The entries, with the buffer trimmed when more than 1/16 of it is unused. */
    public FeedEntries build() {
      byte[] kept = data.length - length > length / 16 ? Arrays.copyOf(data, length) : data;
      data = null;
      return new FeedEntries(kept, length, claims.toArray(), countsByType.clone(), names);
    }

    private void append(int claim, byte[] value, int n) {
      if (length + n + 10 > data.length) {
        data = Arrays.copyOf(data, Math.max(length + n + 10, data.length + (data.length >> 1)));
      }
      writeVarint(claim);
      writeVarint(n);
      System.arraycopy(value, 0, data, length, n);
      length += n;
    }

    private void writeVarint(int v) {
      while ((v & ~0x7f) != 0) {
        data[length++] = (byte) ((v & 0x7f) | 0x80);
        v >>>= 7;
      }
      data[length++] = (byte) v;
    }
  }
}

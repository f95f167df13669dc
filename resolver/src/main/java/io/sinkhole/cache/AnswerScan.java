package io.sinkhole.cache;

import java.util.Arrays;

/**
 * One pass over an upstream answer that finds what caching needs without building records: the
 * offset of every TTL field (the OPT pseudo-record's is not a TTL, RFC 6891 section 6.1.3), the
 * smallest TTL, and the SOA of the authority section for RFC 2308 negative caching.
 */
final class AnswerScan {
  private static final int HEADER = 12;
  private static final int TYPE_SOA = 6;
  private static final int TYPE_OPT = 41;

  final int[] ttlOffsets;
  final int ttlCount;
  final int answerCount;
  final int minTtl;

  /** Offset of the authority SOA's TTL field, or -1 when there is none. */
  final int soaTtlOffset;

  /** RFC 2308 section 5: min(SOA TTL, SOA MINIMUM), or -1 when there is no SOA. */
  final long negativeTtl;

  final int questionEnd;

  private AnswerScan(Walker w) {
    this.ttlOffsets = Arrays.copyOf(w.offsets, w.count);
    this.ttlCount = w.count;
    this.answerCount = w.answers;
    this.minTtl = w.minTtl;
    this.soaTtlOffset = w.soaTtlOffset;
    this.negativeTtl = w.negativeTtl;
    this.questionEnd = w.questionEnd;
  }

  /** The scan of {@code wire}, or null when the message does not parse as one question. */
  static AnswerScan of(byte[] wire) {
    if (wire.length < HEADER || u16(wire, 4) != 1) {
      return null;
    }
    Walker w = new Walker(wire);
    return w.walk() ? new AnswerScan(w) : null;
  }

  static int u16(byte[] b, int p) {
    return (b[p] & 0xff) << 8 | b[p + 1] & 0xff;
  }

  static long u32(byte[] b, int p) {
    return (long) u16(b, p) << 16 | u16(b, p + 2);
  }

  /** The mutable state of one walk; kept apart so the result stays immutable. */
  private static final class Walker {
    final byte[] b;
    int[] offsets = new int[8];
    int count;
    int answers;
    int minTtl = Integer.MAX_VALUE;
    int soaTtlOffset = -1;
    long negativeTtl = -1;
    int questionEnd;

    Walker(byte[] b) {
      this.b = b;
    }

    boolean walk() {
      int p = skipName(HEADER);
      if (p < 0 || p + 4 > b.length) {
        return false;
      }
      questionEnd = p + 4;
      p = questionEnd;
      answers = u16(b, 6);
      int authority = u16(b, 8);
      int total = answers + authority + u16(b, 10);
      for (int i = 0; i < total && p >= 0; i++) {
        p = record(p, i >= answers && i < answers + authority);
      }
      return p == b.length;
    }

    private int record(int p, boolean inAuthority) {
      p = skipName(p);
      if (p < 0 || p + 10 > b.length) {
        return -1;
      }
      int type = u16(b, p);
      int ttlAt = p + 4;
      int rdata = p + 10;
      int end = rdata + u16(b, p + 8);
      if (end > b.length) {
        return -1;
      }
      if (type != TYPE_OPT) {
        addTtl(ttlAt);
      }
      if (type == TYPE_SOA && inAuthority && soaTtlOffset < 0) {
        return soa(ttlAt, rdata, end) ? end : -1;
      }
      return end;
    }

    private void addTtl(int ttlAt) {
      if (count == offsets.length) {
        offsets = Arrays.copyOf(offsets, count * 2);
      }
      offsets[count++] = ttlAt;
      // RFC 2181 section 8: a TTL with the top bit set is treated as zero.
      long ttl = u32(b, ttlAt);
      minTtl = (int) Math.min(minTtl, ttl > Integer.MAX_VALUE ? 0 : ttl);
    }

    private boolean soa(int ttlAt, int rdata, int end) {
      int p = skipName(rdata);
      p = p < 0 ? -1 : skipName(p);
      if (p < 0 || p + 20 != end) {
        return false;
      }
      soaTtlOffset = ttlAt;
      long ttl = u32(b, ttlAt);
      long minimum = u32(b, p + 16);
      negativeTtl = Math.min(ttl > Integer.MAX_VALUE ? 0 : ttl, minimum);
      return true;
    }

    /** Offset after a (possibly compressed, RFC 1035 section 4.1.4) name; -1 if malformed. */
    private int skipName(int p) {
      while (p < b.length) {
        int len = b[p] & 0xff;
        if (len == 0) {
          return p + 1;
        }
        if ((len & 0xc0) == 0xc0) {
          return p + 2 <= b.length ? p + 2 : -1;
        }
        if ((len & 0xc0) != 0) {
          return -1;
        }
        p += len + 1;
      }
      return -1;
    }
  }
}

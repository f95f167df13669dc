package io.sinkhole.ratelimit;

/**
 * A client address cut to its prefix. IPv4-mapped IPv6 clients count as the IPv4 client they are.
 *
 * @param bits the prefix bits, left-aligned in a long (IPv6 prefixes are at most 64 bits)
 * @param v6 whether the client is IPv6
 */
record PrefixKey(long bits, boolean v6) {
  static PrefixKey of(byte[] a, int v4Prefix, int v6Prefix) {
    if (a.length == 16 && isMapped(a)) {
      return new PrefixKey(top(a, 12, 4, v4Prefix), false);
    }
    if (a.length == 4) {
      return new PrefixKey(top(a, 0, 4, v4Prefix), false);
    }
    return new PrefixKey(top(a, 0, 8, v6Prefix), true);
  }

  private static long top(byte[] a, int from, int bytes, int prefix) {
    long v = 0;
    for (int i = 0; i < bytes; i++) {
      v = v << 8 | (a[from + i] & 0xff);
    }
    v <<= 64 - bytes * 8;
    return prefix == 0 ? 0 : v & (-1L << (64 - prefix));
  }

  private static boolean isMapped(byte[] a) {
    for (int i = 0; i < 10; i++) {
      if (a[i] != 0) {
        return false;
      }
    }
    return a[10] == (byte) 0xff && a[11] == (byte) 0xff;
  }
}

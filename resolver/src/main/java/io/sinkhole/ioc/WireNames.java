package io.sinkhole.ioc;

/** Conversions between normalised presentation names and the wire form the index stores. */
public final class WireNames {
  private WireNames() {}

  /**
   * Writes {@code name} (lower case, no trailing dot, already validated by the feed parser) as
   * length-prefixed labels without the root label.
   *
   * @return the wire length, or -1 when the name cannot be a DNS name
   */
  public static int toWire(String name, byte[] out) {
    int n = name.length();
    if (n == 0 || n > 253) {
      return -1;
    }
    int lenPos = 0;
    int p = 1;
    for (int i = 0; i < n; i++) {
      char c = name.charAt(i);
      if (c == '.') {
        if (!closeLabel(out, lenPos, p)) {
          return -1;
        }
        lenPos = p++;
      } else {
        if (c > 0x7e) {
          return -1;
        }
        out[p++] = (byte) (c >= 'A' && c <= 'Z' ? c + 32 : c);
      }
    }
    return closeLabel(out, lenPos, p) ? p : -1;
  }

  private static boolean closeLabel(byte[] out, int lenPos, int end) {
    int len = end - lenPos - 1;
    if (len < 1 || len > 63) {
      return false;
    }
    out[lenPos] = (byte) len;
    return true;
  }
}

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

  /**
   * The presentation form (no trailing dot) of the wire name {@code wire[start, start + length)}.
   */
  public static String toPresentation(byte[] wire, int start, int length) {
    StringBuilder out = new StringBuilder(length);
    for (int p = start; p < start + length; p += wire[p] + 1) {
      if (p > start) {
        out.append('.');
      }
      for (int i = 1; i <= wire[p]; i++) {
        out.append((char) (wire[p + i] & 0xff));
      }
    }
    return out.toString();
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

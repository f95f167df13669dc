package io.sinkhole.feed;

/** Prints IPv6 addresses as RFC 5952 section 4 asks, so one address has exactly one spelling. */
final class Ipv6Text {
  private Ipv6Text() {}

  static String format(byte[] address) {
    int[] groups = new int[8];
    for (int i = 0; i < 8; i++) {
      groups[i] = ((address[2 * i] & 0xff) << 8) | (address[2 * i + 1] & 0xff);
    }
    int[] run = longestZeroRun(groups);
    StringBuilder out = new StringBuilder(39);
    for (int i = 0; i < 8; i++) {
      if (i == run[0]) {
        out.append("::");
        i += run[1] - 1;
        continue;
      }
      if (out.length() > 0 && out.charAt(out.length() - 1) != ':') {
        out.append(':');
      }
      out.append(Integer.toHexString(groups[i]));
    }
    return out.toString();
  }

  /**
   * Start and length of the first longest run of two or more zero groups (section 4.2.2 forbids
   * shortening a single group; 4.2.3 picks the first of equal runs); start -1 when none.
   */
  private static int[] longestZeroRun(int[] groups) {
    int bestStart = -1;
    int bestLength = 1;
    for (int i = 0; i < groups.length; i++) {
      int j = i;
      while (j < groups.length && groups[j] == 0) {
        j++;
      }
      if (j - i > bestLength) {
        bestStart = i;
        bestLength = j - i;
      }
      i = Math.max(i, j);
    }
    return new int[] {bestStart, bestLength};
  }
}

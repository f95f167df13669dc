package io.sinkhole.feed;

/**
 * The line parsers' fast path for names: turns a plain ASCII token straight into wire form with the
 * rules of {@link DomainNames#normalize}, and declines (returns -1) whatever that path would treat
 * differently or report as a problem, so the general path stays the single place that decides about
 * unusual input.
 */
final class AsciiNames {
  private AsciiNames() {}

  /**
   * Writes the name {@code token[start, end)} (one trailing dot allowed, any case) to {@code wire}
   * as length-prefixed lower-case labels without the root label.
   *
   * @param wire at least 256 bytes
   * @return the wire length, or -1 when the token is not a valid plain ASCII name
   */
  static int toWire(byte[] token, int start, int end, byte[] wire) {
    if (end > start && token[end - 1] == '.') {
      end--;
    }
    int length = end - start;
    if (length == 0 || length > DomainNames.MAX_NAME_LENGTH) {
      return -1;
    }
    int lenPos = 0;
    boolean allDigits = true;
    for (int i = start; i < end; i++) {
      int c = token[i];
      int p = i - start + 1;
      if (c == '.') {
        if (!closeLabel(wire, lenPos, p)) {
          return -1;
        }
        lenPos = p;
        allDigits = true;
        continue;
      }
      if (c >= 'A' && c <= 'Z') {
        c += 'a' - 'A';
      } else if (!isNameByte(c)) {
        return -1;
      }
      allDigits &= c >= '0' && c <= '9';
      wire[p] = (byte) c;
    }
    return !allDigits && closeLabel(wire, lenPos, length + 1) ? length + 1 : -1;
  }

  private static boolean isNameByte(int c) {
    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_';
  }

  private static boolean closeLabel(byte[] wire, int lenPos, int end) {
    int len = end - lenPos - 1;
    if (len < 1 || len > DomainNames.MAX_LABEL_LENGTH) {
      return false;
    }
    wire[lenPos] = (byte) len;
    return true;
  }
}

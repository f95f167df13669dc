package io.sinkhole.event;

import io.netty.util.NetUtil;

/**
 * Reads the A and AAAA addresses of an answer for the IPAddresses column, off the fast path.
 *
 * <p>Walks the wire form itself (RFC 1035 section 4.1) instead of building a dnsjava message: this
 * runs on the event writer thread for every query, and with one core that thread competes with the
 * answering thread (issue #5). Only the question and answer sections are read; a message that ends
 * early or has a bad name gives no addresses, as before.
 */
final class AnswerAddresses {
  private static final int HEADER = 12;
  private static final int TYPE_A = 1;
  private static final int TYPE_AAAA = 28;

  private AnswerAddresses() {}

  /**
   * Writes the addresses as the field {@code key} straight into the row, without the string {@link
   * #joined} makes; the same text. A response long enough to approach the 64 KB field limit takes
   * the string path, which cuts it ({@link Fields#limit}).
   */
  static void write(JsonRow out, byte[] key, byte[] response) {
    if (response == null || response.length > DIRECT_MAX) {
      Fields.string(out, key, joined(response));
      return;
    }
    int first = firstAnswer(response);
    if (first < 0 || countAddresses(response, first) <= 0) {
      out.field(key, "");
      return;
    }
    out.openString(key);
    int p = first;
    boolean any = false;
    for (int i = u16(response, 6); i > 0; i--) {
      p = skipName(response, p);
      int type = u16(response, p);
      int length = u16(response, p + 8);
      p += 10;
      if (type == TYPE_A && length == 4) {
        any = separate(out, any);
        for (int b = 0; b < 4; b++) {
          if (b > 0) {
            out.appendAscii('.');
          }
          out.appendDigits(response[p + b] & 0xff);
        }
      } else if (type == TYPE_AAAA && length == 16) {
        any = separate(out, any);
        if (mapped(response, p)) {
          for (int b = 12; b < 16; b++) {
            if (b > 12) {
              out.appendAscii('.');
            }
            out.appendDigits(response[p + b] & 0xff);
          }
        } else {
          ipv6(out, response, p);
        }
      }
      p += length;
    }
    out.closeString();
  }

  /**
   * RFC 5952 section 4 text of the 16 bytes at {@code p}, as Netty's {@code
   * NetUtil.bytesToIpAddress} writes it, without a string per address: lower case, no leading
   * zeros, and the longest run of two or more zero groups (the first of equal runs) as "::".
   */
  static void ipv6(JsonRow out, byte[] b, int p) {
    int runStart = -1;
    int runLength = 1;
    for (int i = 0; i < 8; ) {
      if (u16(b, p + 2 * i) != 0) {
        i++;
        continue;
      }
      int j = i;
      while (j < 8 && u16(b, p + 2 * j) == 0) {
        j++;
      }
      if (j - i > runLength) {
        runStart = i;
        runLength = j - i;
      }
      i = j;
    }
    boolean afterRun = false;
    for (int i = 0; i < 8; i++) {
      if (i == runStart) {
        out.appendAscii(':');
        out.appendAscii(':');
        i += runLength - 1;
        afterRun = true;
        continue;
      }
      if (i > 0 && !afterRun) {
        out.appendAscii(':');
      }
      afterRun = false;
      out.appendHex(u16(b, p + 2 * i));
    }
  }

  /**
   * Responses up to this size hold at most 16 KB / 28 AAAA records of at most 40 characters each,
   * well inside the 64 KB field limit.
   */
  private static final int DIRECT_MAX = 16 * 1024;

  private static boolean separate(JsonRow out, boolean any) {
    if (any) {
      out.appendAscii(',');
    }
    return true;
  }

  /** The offset of the first answer record, or -1 when there is none or the message is cut. */
  private static int firstAnswer(byte[] response) {
    if (response.length < HEADER || u16(response, 6) == 0) {
      return -1;
    }
    int p = HEADER;
    for (int i = u16(response, 4); i > 0; i--) {
      p = skipName(response, p);
      if (p < 0) {
        return -1;
      }
      p += 4;
    }
    return p;
  }

  /** A and AAAA records in the answer section, or -1 when a record runs past the end. */
  private static int countAddresses(byte[] response, int p) {
    int count = 0;
    for (int i = u16(response, 6); i > 0; i--) {
      p = skipName(response, p);
      if (p < 0 || p + 10 > response.length) {
        return -1;
      }
      int type = u16(response, p);
      int length = u16(response, p + 8);
      p += 10;
      if (p + length > response.length) {
        return -1;
      }
      if ((type == TYPE_A && length == 4) || (type == TYPE_AAAA && length == 16)) {
        count++;
      }
      p += length;
    }
    return count;
  }

  static String joined(byte[] response) {
    int p = response == null ? -1 : firstAnswer(response);
    if (p < 0 || countAddresses(response, p) <= 0) {
      return "";
    }
    StringBuilder out = new StringBuilder();
    for (int i = u16(response, 6); i > 0; i--) {
      p = skipName(response, p);
      int type = u16(response, p);
      int length = u16(response, p + 8);
      p += 10;
      append(out, response, p, type, length);
      p += length;
    }
    return out.toString();
  }

  private static void append(StringBuilder out, byte[] m, int p, int type, int length) {
    if (type == TYPE_A && length == 4) {
      separate(out).append(m[p] & 0xff).append('.').append(m[p + 1] & 0xff);
      out.append('.').append(m[p + 2] & 0xff).append('.').append(m[p + 3] & 0xff);
    } else if (type == TYPE_AAAA && length == 16) {
      // RFC 5952 text, and IPv4-mapped addresses as plain IPv4, as DnsEventsSchema.clientIp does.
      boolean mapped = mapped(m, p);
      separate(out).append(NetUtil.bytesToIpAddress(m, mapped ? p + 12 : p, mapped ? 4 : 16));
    }
  }

  private static boolean mapped(byte[] m, int p) {
    for (int i = 0; i < 10; i++) {
      if (m[p + i] != 0) {
        return false;
      }
    }
    return m[p + 10] == (byte) 0xff && m[p + 11] == (byte) 0xff;
  }

  private static StringBuilder separate(StringBuilder out) {
    return out.length() == 0 ? out : out.append(',');
  }

  /** The offset after the name at {@code p}, or -1 when the name runs past the end. */
  private static int skipName(byte[] m, int p) {
    while (p >= 0 && p < m.length) {
      int len = m[p] & 0xff;
      if (len == 0) {
        return p + 1;
      }
      if (len >= 0xc0) {
        return p + 2 <= m.length ? p + 2 : -1;
      }
      p += len + 1;
    }
    return -1;
  }

  private static int u16(byte[] m, int p) {
    return (m[p] & 0xff) << 8 | m[p + 1] & 0xff;
  }
}

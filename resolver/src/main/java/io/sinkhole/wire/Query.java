package io.sinkhole.wire;

import java.nio.charset.StandardCharsets;

/**
 * The parts of a client query the fast path needs, read once from the wire.
 *
 * <p>The name is kept in wire form (length-prefixed labels, no root label) folded to lower case, so
 * that matching works on the labels the client actually sent: a dot or an odd byte inside a label
 * stays inside that label and cannot shift a label boundary.
 */
public final class Query {
  /** RFC 6891 section 6.2.3: values below 512 are treated as 512. */
  static final int MIN_UDP_PAYLOAD = 512;

  final byte[] name;
  final int[] labelStarts;
  int labelCount;
  int nameLength;

  int id;
  int flags;
  int qtype;
  int qclass;

  /** Offset of the first byte after the question section. */
  int questionEnd;

  boolean edns;
  int udpPayload = MIN_UDP_PAYLOAD;
  int ednsVersion;
  boolean dnssecOk;

  /**
   * Sized to the name that can fit in the message: a new Query per query at full size was the
   * largest allocation on the fast path (issue #5). Every label takes at least two bytes.
   *
   * @param maxNameBytes upper bound of the wire-form name length, at most 255
   */
  Query(int maxNameBytes) {
    name = new byte[maxNameBytes];
    labelStarts = new int[(maxNameBytes + 1) / 2];
  }

  public int id() {
    return id;
  }

  public int qtype() {
    return qtype;
  }

  public int qclass() {
    return qclass;
  }

  public boolean recursionDesired() {
    return (flags & Flags.RD) != 0;
  }

  public boolean checkingDisabled() {
    return (flags & Flags.CD) != 0;
  }

  public boolean authenticatedData() {
    return (flags & Flags.AD) != 0;
  }

  public boolean edns() {
    return edns;
  }

  public int udpPayload() {
    return udpPayload;
  }

  public int ednsVersion() {
    return ednsVersion;
  }

  public boolean dnssecOk() {
    return dnssecOk;
  }

  public int questionEnd() {
    return questionEnd;
  }

  /** Lower-cased wire-form name bytes; valid up to {@link #nameLength()}. */
  public byte[] nameBytes() {
    return name;
  }

  public int nameLength() {
    return nameLength;
  }

  public int labelCount() {
    return labelCount;
  }

  /**
   * Offsets of the labels' length bytes, leftmost first; valid up to {@link #labelCount()}. The
   * array itself, not a copy: callers must not change it.
   */
  public int[] labelStarts() {
    return labelStarts;
  }

  /** Offset in {@link #nameBytes()} of the length byte of label {@code i} (0 = leftmost). */
  public int labelStart(int i) {
    return labelStarts[i];
  }

  /**
   * The name in presentation form without the trailing dot, lower case. Bytes that would be
   * ambiguous or unsafe in text (dots inside labels, backslashes, quotes, controls, non-ASCII) are
   * written as RFC 1035 section 5.1 escapes, so the result is safe for logs and events.
   */
  public String presentationName() {
    if (labelCount == 0) {
      return ".";
    }
    String plain = plainName();
    if (plain != null) {
      return plain;
    }
    StringBuilder out = new StringBuilder(nameLength);
    for (int i = 0; i < labelCount; i++) {
      if (i > 0) {
        out.append('.');
      }
      appendLabel(out, labelStarts[i]);
    }
    return out.toString();
  }

  /** The common case, every byte printable and unambiguous: one copy, no builder (issue #5). */
  private String plainName() {
    byte[] text = new byte[nameLength - 1];
    for (int i = 0; i < labelCount; i++) {
      int start = labelStarts[i];
      if (i > 0) {
        text[start - 1] = '.';
      }
      for (int p = start + 1; p <= start + name[start]; p++) {
        if (!plain(name[p])) {
          return null;
        }
        text[p - 1] = name[p];
      }
    }
    return new String(text, StandardCharsets.ISO_8859_1);
  }

  private static boolean plain(byte b) {
    return b > 0x20 && b < 0x7f && b != '.' && b != '\\' && b != '"' && b != ';';
  }

  private void appendLabel(StringBuilder out, int start) {
    int len = name[start];
    for (int p = start + 1; p <= start + len; p++) {
      int b = name[p] & 0xff;
      if (b > 0x20 && b < 0x7f && b != '.' && b != '\\' && b != '"' && b != ';') {
        out.append((char) b);
      } else if (b == '.' || b == '\\' || b == '"' || b == ';') {
        out.append('\\').append((char) b);
      } else {
        out.append('\\').append(String.format("%03d", b));
      }
    }
  }

  @Override
  public String toString() {
    return new String(name, 0, nameLength, StandardCharsets.ISO_8859_1) + "/" + qtype;
  }
}

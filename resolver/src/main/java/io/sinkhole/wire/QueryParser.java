package io.sinkhole.wire;

import io.netty.buffer.ByteBuf;

/**
 * Reads a client query's header, question and OPT record straight from the received buffer without
 * copying the message, in one pass.
 *
 * <p>Everything a hostile client can put in a packet is checked here once: the rest of the server
 * only sees queries that parsed. Reasons are short stable strings used as metric labels.
 */
public final class QueryParser {
  static final int HEADER_LENGTH = 12;
  private static final int MAX_NAME_WIRE_LENGTH = 255;
  private static final int TYPE_OPT = 41;

  private QueryParser() {}

  /** Parses the readable bytes of {@code buf} without moving its reader index. */
  public static Query parse(ByteBuf buf) throws MalformedQueryException {
    int base = buf.readerIndex();
    int end = buf.writerIndex();
    if (end - base < HEADER_LENGTH) {
      throw new MalformedQueryException("short header", false);
    }
    // The name is copied only from bytes after the header, so it can be no longer than those.
    Query q = new Query(Math.min(MAX_NAME_WIRE_LENGTH, end - base - HEADER_LENGTH));
    q.id = buf.getUnsignedShort(base);
    q.flags = buf.getUnsignedShort(base + 2);
    if ((q.flags & Flags.QR) != 0) {
      // A response sent to our listener: answering it could start a loop between two servers.
      throw new MalformedQueryException("response bit set", false);
    }
    if ((q.flags & Flags.OPCODE_MASK) != 0) {
      throw new MalformedQueryException("opcode", true);
    }
    if (buf.getUnsignedShort(base + 4) != 1) {
      throw new MalformedQueryException("qdcount", true);
    }
    int p = readQuestionName(buf, base + HEADER_LENGTH, end, q);
    if (p + 4 > end) {
      throw new MalformedQueryException("truncated question", true);
    }
    q.qtype = buf.getUnsignedShort(p);
    q.qclass = buf.getUnsignedShort(p + 2);
    q.questionEnd = p + 4 - base;
    int records =
        buf.getUnsignedShort(base + 6)
            + buf.getUnsignedShort(base + 8)
            + buf.getUnsignedShort(base + 10);
    readRecords(buf, base, p + 4, end, records, q);
    return q;
  }

  /** Copies the question name folded to lower case; returns the offset after it. */
  private static int readQuestionName(ByteBuf buf, int p, int end, Query q)
      throws MalformedQueryException {
    int out = 0;
    while (true) {
      if (p >= end) {
        throw new MalformedQueryException("truncated name", true);
      }
      int len = buf.getUnsignedByte(p);
      if (len == 0) {
        q.nameLength = out;
        return p + 1;
      }
      if (len > 63) {
        // A compression pointer in the only question can only point at the header or at
        // itself or forward (RFC 1035 section 4.1.4); extended label types are obsolete.
        throw new MalformedQueryException(len >= 0xc0 ? "compression pointer" : "label type", true);
      }
      if (out + len + 2 > MAX_NAME_WIRE_LENGTH) {
        throw new MalformedQueryException("name too long", true);
      }
      if (p + 1 + len > end) {
        throw new MalformedQueryException("truncated name", true);
      }
      q.labelStarts[q.labelCount++] = out;
      q.name[out++] = (byte) len;
      for (int i = 1; i <= len; i++) {
        q.name[out++] = lower(buf.getByte(p + i));
      }
      p += len + 1;
    }
  }

  static byte lower(byte b) {
    return b >= 'A' && b <= 'Z' ? (byte) (b + 32) : b;
  }

  private static void readRecords(ByteBuf buf, int base, int p, int end, int count, Query q)
      throws MalformedQueryException {
    boolean sawOpt = false;
    for (int i = 0; i < count; i++) {
      p = skipName(buf, base, p, end);
      if (p + 10 > end) {
        throw new MalformedQueryException("truncated record", true);
      }
      int type = buf.getUnsignedShort(p);
      int rdlength = buf.getUnsignedShort(p + 8);
      if (p + 10 + rdlength > end) {
        throw new MalformedQueryException("truncated record", true);
      }
      if (type == TYPE_OPT) {
        if (sawOpt) {
          // RFC 6891 section 6.1.1: more than one OPT record is a FORMERR.
          throw new MalformedQueryException("duplicate opt", true);
        }
        sawOpt = true;
        readOpt(buf, p, q);
      }
      p += 10 + rdlength;
    }
    if (p != end) {
      throw new MalformedQueryException("trailing bytes", true);
    }
  }

  private static void readOpt(ByteBuf buf, int p, Query q) {
    q.edns = true;
    q.udpPayload = Math.max(Query.MIN_UDP_PAYLOAD, buf.getUnsignedShort(p + 2));
    long ttl = buf.getUnsignedInt(p + 4);
    q.ednsVersion = (int) ((ttl >>> 16) & 0xff);
    q.dnssecOk = (ttl & 0x8000) != 0;
  }

  /** Skips a possibly compressed name; pointers must point strictly backwards. */
  static int skipName(ByteBuf buf, int base, int p, int end) throws MalformedQueryException {
    int total = 0;
    while (true) {
      if (p >= end) {
        throw new MalformedQueryException("truncated name", true);
      }
      int len = buf.getUnsignedByte(p);
      if (len == 0) {
        return p + 1;
      }
      if (len >= 0xc0) {
        if (p + 2 > end) {
          throw new MalformedQueryException("truncated name", true);
        }
        int target = ((len & 0x3f) << 8 | buf.getUnsignedByte(p + 1)) + base;
        if (target >= p) {
          throw new MalformedQueryException("compression pointer", true);
        }
        return p + 2;
      }
      if (len > 63) {
        throw new MalformedQueryException("label type", true);
      }
      total += len + 1;
      if (total > MAX_NAME_WIRE_LENGTH) {
        throw new MalformedQueryException("name too long", true);
      }
      p += len + 1;
    }
  }
}

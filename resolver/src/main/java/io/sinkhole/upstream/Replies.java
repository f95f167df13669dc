package io.sinkhole.upstream;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;

/** The checks every upstream reply must pass before it is believed (RFC 5452 section 9.1). */
final class Replies {
  static final int HEADER = 12;
  private static final int QR = 0x8000;
  private static final int OPCODE = 0x7800;
  private static final int TC = 0x0200;

  private Replies() {}

  /** The reply's ID, or -1 when it is too short or not a standard-query response. */
  static int id(ByteBuf reply) {
    if (reply.readableBytes() < HEADER) {
      return -1;
    }
    int flags = reply.getUnsignedShort(reply.readerIndex() + 2);
    if ((flags & QR) == 0 || (flags & OPCODE) != 0) {
      return -1;
    }
    return reply.getUnsignedShort(reply.readerIndex());
  }

  /** One question, byte for byte the one we sent (the case we sent included, RFC 5452 9.1). */
  static boolean sameQuestion(Pending p, ByteBuf reply) {
    int len = p.questionEnd - HEADER;
    if (reply.readableBytes() < p.questionEnd) {
      return false;
    }
    int q = p.query.readerIndex();
    int r = reply.readerIndex();
    return reply.getUnsignedShort(r + 4) == 1
        && ByteBufUtil.equals(p.query, q + HEADER, reply, r + HEADER, len);
  }

  static boolean truncated(ByteBuf reply) {
    return (reply.getUnsignedShort(reply.readerIndex() + 2) & TC) != 0;
  }
}

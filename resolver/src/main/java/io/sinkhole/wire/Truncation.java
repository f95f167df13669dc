package io.sinkhole.wire;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;

/**
 * Replaces an answer that does not fit the client's buffer with a valid TC=1 message: the header
 * with TC set, the client's question, no records, and an OPT record when the client sent one (RFC
 * 6891 section 7: the OPT must survive truncation so the client keeps its EDNS state; RFC 2181
 * section 9: a client that sees TC retries over TCP).
 */
final class Truncation {
  private Truncation() {}

  /**
   * @param optTtl the answer's OPT TTL word (extended RCODE, version, DO), or -1 when it had none
   */
  static ByteBuf truncated(
      ByteBuf answer, ByteBuf query, Query q, int optTtl, int payload, ByteBufAllocator alloc) {
    int flags = answer.getUnsignedShort(answer.readerIndex() + 2) | Flags.TC;
    return emptied(answer, query, q, flags, optTtl, payload, alloc);
  }

  /** The answer's header with {@code flags}, the client's question and at most an OPT. */
  static ByteBuf emptied(
      ByteBuf answer,
      ByteBuf query,
      Query q,
      int flags,
      int optTtl,
      int payload,
      ByteBufAllocator alloc) {
    ByteBuf out = alloc.buffer(q.questionEnd + 11);
    out.writeShort(answer.getUnsignedShort(answer.readerIndex()));
    out.writeShort(flags);
    out.writeShort(1).writeShort(0).writeShort(0).writeShort(q.edns ? 1 : 0);
    int base = query.readerIndex();
    out.writeBytes(
        query, base + QueryParser.HEADER_LENGTH, q.questionEnd - QueryParser.HEADER_LENGTH);
    if (q.edns) {
      int ttl = optTtl >= 0 ? optTtl : (q.dnssecOk ? 0x8000 : 0);
      out.writeByte(0).writeShort(AnswerScan.TYPE_OPT).writeShort(payload);
      out.writeInt(ttl).writeShort(0);
    }
    return out;
  }
}

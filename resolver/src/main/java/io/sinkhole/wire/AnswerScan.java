package io.sinkhole.wire;

import io.netty.buffer.ByteBuf;

/**
 * One walk over an answer's records that finds what the client-facing rewrites need: whether any
 * RRSIG is present and where the OPT record sits. Names are skipped, never decoded.
 */
final class AnswerScan {
  static final int TYPE_OPT = 41;
  static final int TYPE_RRSIG = 46;

  /** Offset (from the message start) of the OPT record's CLASS field, or -1. */
  int optClassOffset = -1;

  int rrsigs;

  /** Walks {@code answer}; throws when the records do not parse. */
  static AnswerScan of(ByteBuf answer) throws MalformedQueryException {
    int base = answer.readerIndex();
    int end = answer.writerIndex();
    if (end - base < QueryParser.HEADER_LENGTH) {
      throw new MalformedQueryException("short header", false);
    }
    int p = base + QueryParser.HEADER_LENGTH;
    for (int i = answer.getUnsignedShort(base + 4); i > 0; i--) {
      p = QueryParser.skipName(answer, base, p, end) + 4;
    }
    AnswerScan scan = new AnswerScan();
    int an = answer.getUnsignedShort(base + 6);
    int ns = answer.getUnsignedShort(base + 8);
    int ar = answer.getUnsignedShort(base + 10);
    for (int i = 0; i < an + ns + ar; i++) {
      p = scan.record(answer, base, p, end, i >= an + ns);
    }
    return scan;
  }

  private int record(ByteBuf answer, int base, int p, int end, boolean additional)
      throws MalformedQueryException {
    p = QueryParser.skipName(answer, base, p, end);
    if (p + 10 > end) {
      throw new MalformedQueryException("truncated record", true);
    }
    int type = answer.getUnsignedShort(p);
    int next = p + 10 + answer.getUnsignedShort(p + 8);
    if (next > end) {
      throw new MalformedQueryException("truncated record", true);
    }
    if (type == TYPE_RRSIG) {
      rrsigs++;
    } else if (type == TYPE_OPT && additional) {
      optClassOffset = p + 2 - base;
    }
    return next;
  }
}

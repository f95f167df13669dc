package io.sinkhole.upstream;

import io.netty.buffer.ByteBuf;
import java.util.List;

/** Hands one upstream answer to every client that asked the question, each under its own ID. */
final class Answers {
  private static final int HEADER = 12;

  private Answers() {}

  /**
   * Gives each waiter its own copy (the last gets {@code reply} itself) with its ID and its
   * spelling of the question, so a client that randomised the case (0x20) sees its own case.
   */
  static void deliver(List<Pending.Waiter> waiters, ByteBuf reply, String upstream) {
    int last = waiters.size() - 1;
    for (int i = 0; i <= last; i++) {
      Pending.Waiter w = waiters.get(i);
      ByteBuf answer = i == last ? reply : reply.copy();
      try {
        answer.setShort(answer.readerIndex(), w.clientId());
        copyQuestion(w.query(), answer);
        w.callback().answered(answer, upstream);
      } finally {
        w.query().release();
      }
    }
  }

  private static void copyQuestion(ByteBuf query, ByteBuf answer) {
    int len = questionLength(query);
    if (len > 0 && len == questionLength(answer)) {
      answer.setBytes(answer.readerIndex() + HEADER, query, query.readerIndex() + HEADER, len);
    }
  }

  /** Length of the single uncompressed question after the header, or -1. */
  private static int questionLength(ByteBuf m) {
    int base = m.readerIndex();
    int p = base + HEADER;
    int end = m.writerIndex();
    while (p < end) {
      int len = m.getUnsignedByte(p);
      if (len == 0) {
        return p + 5 <= end ? p + 5 - base - HEADER : -1;
      }
      if (len > 63) {
        return -1;
      }
      p += len + 1;
    }
    return -1;
  }
}

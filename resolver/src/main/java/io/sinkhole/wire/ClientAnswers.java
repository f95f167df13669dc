package io.sinkhole.wire;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.Unpooled;
import java.io.IOException;

/**
 * The last step before an answer reaches a client, whoever wrote it: DNSSEC bits the client did not
 * ask for are removed, our payload size is advertised, and an answer too large for the client's
 * buffer becomes a valid TC=1 message.
 */
public final class ClientAnswers {
  private ClientAnswers() {}

  /** No walk has been made: {@link #prepare} walks the answer itself. */
  public static final int UNKNOWN_LAYOUT = -1;

  private static final int NOT_WALKABLE = -2;

  /**
   * What {@link #prepare} learns by walking an answer (where OPT sits, whether any RRSIG is there),
   * packed in an int, for an answer that is sent many times: the response cache keeps it with each
   * entry, so that a hit is not walked again (issue #5). It depends only on the answer's record
   * layout, which a hit's rewrites (ID, the question's case, TTLs) leave as it was.
   */
  public static int layout(byte[] wire) {
    return layoutOf(Unpooled.wrappedBuffer(wire));
  }

  private static int layoutOf(ByteBuf answer) {
    try {
      AnswerScan scan = AnswerScan.of(answer);
      return (scan.optClassOffset + 1) << 1 | (scan.rrsigs > 0 ? 1 : 0);
    } catch (MalformedQueryException e) {
      return NOT_WALKABLE;
    }
  }

  /**
   * Rewrites {@code answer} for the client of {@code query}. Returns the buffer to send: {@code
   * answer} itself, or a new buffer after {@code answer} has been released.
   *
   * @param maxSize the largest message the client can take on this transport
   * @param payload the UDP payload size Sinkhole advertises in OPT (RFC 6891 section 6.2.5)
   */
  public static ByteBuf prepare(
      ByteBuf answer, ByteBuf query, Query q, int maxSize, int payload, ByteBufAllocator alloc) {
    return prepare(answer, query, q, maxSize, payload, alloc, UNKNOWN_LAYOUT);
  }

  /** The same, for an answer whose {@link #layout} is known ({@link #UNKNOWN_LAYOUT} when not). */
  public static ByteBuf prepare(
      ByteBuf answer,
      ByteBuf query,
      Query q,
      int maxSize,
      int payload,
      ByteBufAllocator alloc,
      int knownLayout) {
    if (answer.readableBytes() < QueryParser.HEADER_LENGTH) {
      return answer;
    }
    clearUnrequestedAd(answer, q);
    int layout = knownLayout == UNKNOWN_LAYOUT ? layoutOf(answer) : knownLayout;
    if (layout == NOT_WALKABLE) {
      // An upstream answer we cannot walk is relayed as is, cut to size if needed.
      return fit(answer, query, q, -1, maxSize, payload, alloc);
    }
    if ((layout & 1) != 0 && !q.dnssecOk) {
      answer = withoutRrsigs(answer, query, q, payload, alloc);
      layout = layoutOf(answer);
    }
    int optClassOffset = layout == NOT_WALKABLE ? -1 : (layout >> 1) - 1;
    int optTtl = -1;
    if (optClassOffset >= 0) {
      int opt = answer.readerIndex() + optClassOffset;
      answer.setShort(opt, payload);
      optTtl = (int) answer.getUnsignedInt(opt + 2);
    }
    return fit(answer, query, q, optTtl, maxSize, payload, alloc);
  }

  /**
   * RFC 6840 section 5.8: AD is meaningful only to a client that signalled it understands it by
   * setting AD or DO; others get it cleared.
   */
  private static void clearUnrequestedAd(ByteBuf answer, Query q) {
    if ((q.flags & Flags.AD) == 0 && !q.dnssecOk) {
      int at = answer.readerIndex() + 2;
      answer.setShort(at, answer.getUnsignedShort(at) & ~Flags.AD);
    }
  }

  private static ByteBuf withoutRrsigs(
      ByteBuf answer, ByteBuf query, Query q, int payload, ByteBufAllocator alloc) {
    ByteBuf out;
    try {
      out = RrsigFilter.strip(answer, alloc);
    } catch (IOException | RuntimeException e) {
      // dnsjava rejects a record our walk accepted, reading it (unchecked for a TTL over 2^31 - 1,
      // found by PacketPathFuzzTest) or writing it back (a WKS record without a port bitmap,
      // found in review): answer SERVFAIL rather than leak signatures.
      int flags = Flags.QR | (q.flags & (Flags.RD | Flags.CD)) | Flags.RA | Rcode.SERVFAIL;
      out = Truncation.emptied(answer, query, q, flags, -1, payload, alloc);
    }
    answer.release();
    return out;
  }

  private static ByteBuf fit(
      ByteBuf answer,
      ByteBuf query,
      Query q,
      int optTtl,
      int maxSize,
      int payload,
      ByteBufAllocator alloc) {
    if (answer.readableBytes() <= maxSize) {
      return answer;
    }
    ByteBuf out = Truncation.truncated(answer, query, q, optTtl, payload, alloc);
    answer.release();
    return out;
  }
}

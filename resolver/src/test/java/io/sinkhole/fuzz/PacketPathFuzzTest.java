package io.sinkhole.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.sinkhole.wire.ClientAnswers;
import io.sinkhole.wire.ExtendedError;
import io.sinkhole.wire.LocalAnswers;
import io.sinkhole.wire.MalformedQueryException;
import io.sinkhole.wire.Query;
import io.sinkhole.wire.QueryParser;
import io.sinkhole.wire.Rcode;
import java.io.IOException;
import java.util.List;
import org.xbill.DNS.Message;

/**
 * Coverage-guided fuzzing of everything a client or upstream controls on the packet path: the query
 * parser, the answers written for a parsed query, and the rewrites applied to whatever answer goes
 * back. Every answer Sinkhole writes must parse as a DNS message and fit the client.
 *
 * <p>Seeds: {@code src/test/resources/io/sinkhole/fuzz/PacketPathFuzzTestInputs/}. The README
 * ("Fuzzing") has the commands for a fuzzing run.
 */
class PacketPathFuzzTest {
  private static final ByteBufAllocator ALLOC = ByteBufAllocator.DEFAULT;
  private static final List<byte[]> ADDRESSES = List.of(new byte[4], new byte[16]);

  @FuzzTest(maxDuration = "30s")
  void packetPath(FuzzedDataProvider data) throws IOException {
    int maxSize = data.consumeInt(512, 4096);
    byte[] upstream = data.consumeBytes(data.consumeInt(0, 4096));
    ByteBuf query = Unpooled.wrappedBuffer(data.consumeRemainingAsBytes());
    try {
      Query q = QueryParser.parse(query);
      q.presentationName();
      checkLocalAnswers(query, q, maxSize);
      checkRewrite(Unpooled.copiedBuffer(upstream), query, q, maxSize, false);
    } catch (MalformedQueryException e) {
      assertThat(e.reason()).isNotBlank();
    } finally {
      query.release();
    }
  }

  private static void checkLocalAnswers(ByteBuf query, Query q, int maxSize) throws IOException {
    ExtendedError ede = new ExtendedError(ExtendedError.BLOCKED, "feed fuzz");
    int owner = q.labelCount() == 0 ? 0 : q.labelCount() - 1;
    for (int kind = 0; kind < 5; kind++) {
      ByteBuf out = ALLOC.buffer();
      switch (kind) {
        case 0 -> LocalAnswers.negative(out, query, q, Rcode.NXDOMAIN, owner, 60, ede);
        case 1 -> LocalAnswers.addresses(out, query, q, ADDRESSES, owner, 60, ede);
        case 2 -> LocalAnswers.empty(out, query, q, Rcode.REFUSED, null);
        case 3 -> LocalAnswers.badVersion(out, query, q);
        default -> LocalAnswers.truncated(out, query, q);
      }
      checkRewrite(out, query, q, maxSize, true);
    }
  }

  /** The rewrite must fit the client; answers we wrote must stay valid DNS messages. */
  private static void checkRewrite(
      ByteBuf answer, ByteBuf query, Query q, int maxSize, boolean mustParse) throws IOException {
    ByteBuf out = ClientAnswers.prepare(answer, query, q, maxSize, 1232, ALLOC);
    try {
      if (mustParse || out != answer) {
        new Message(ByteBufUtil.getBytes(out));
      }
      if (out.readableBytes() > maxSize) {
        throw new AssertionError("answer of " + out.readableBytes() + " > " + maxSize);
      }
    } finally {
      out.release();
    }
  }
}

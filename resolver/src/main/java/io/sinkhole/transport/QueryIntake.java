package io.sinkhole.transport;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.channel.EventLoop;
import io.sinkhole.access.AccessList;
import io.sinkhole.metrics.QueryOutcome;
import io.sinkhole.metrics.SinkholeMetrics;
import io.sinkhole.query.Exchange;
import io.sinkhole.ratelimit.RateLimiter;
import io.sinkhole.upstream.UpstreamClient;
import io.sinkhole.wire.LocalAnswers;
import io.sinkhole.wire.MalformedQueryException;
import io.sinkhole.wire.Query;
import io.sinkhole.wire.QueryParser;
import io.sinkhole.wire.Rcode;
import java.net.InetSocketAddress;
import java.util.Map;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What UDP and TCP share once a message has been framed. The stages before the processor, in order:
 *
 * <ol>
 *   <li>parse: a malformed message gets FORMERR (NOTIMP for an unknown opcode), or silence when
 *       even the header is unreadable (RFC 1035 section 4.1.1);
 *   <li>rate limit, UDP only: first, so that a spoofed flood costs one bucket lookup and cannot be
 *       reflected even as REFUSED; TCP sources cannot be spoofed;
 *   <li>access list: clients outside it get REFUSED and never reach name matching (RFC 5358);
 *   <li>EDNS version: BADVERS above version 0 (RFC 6891 section 6.1.3);
 *   <li>then the query processor.
 * </ol>
 */
final class QueryIntake {
  private static final Logger LOG = LoggerFactory.getLogger(QueryIntake.class);

  private final Consumer<Exchange> processor;
  private final AccessList access;
  private final RateLimiter limiter;
  private final IntakeRecorder recorder;
  private final Map<EventLoop, UpstreamClient> upstreams;
  private volatile boolean accepting = true;

  QueryIntake(
      Consumer<Exchange> processor,
      AccessList access,
      RateLimiter limiter,
      IntakeRecorder recorder,
      Map<EventLoop, UpstreamClient> upstreams) {
    this.processor = processor;
    this.access = access;
    this.limiter = limiter;
    this.recorder = recorder;
    this.upstreams = upstreams;
  }

  /**
   * From now on, drop every message unanswered. A channel that stops reading still delivers the
   * read already requested, so this is what makes "no new queries" exact during a shutdown.
   */
  void stopAccepting() {
    accepting = false;
  }

  UpstreamClient upstreamFor(EventLoop loop) {
    return upstreams.get(loop);
  }

  SinkholeMetrics metrics() {
    return recorder.metrics();
  }

  /**
   * Runs the stages on {@code message}; a query that passes them is processed through an exchange
   * from {@code factory}, and anything answered here is written through {@code reply}.
   *
   * @param start {@link System#nanoTime} when the message was read
   */
  void accept(
      ByteBuf message,
      ByteBufAllocator alloc,
      InetSocketAddress client,
      boolean tcp,
      long start,
      ExchangeFactory factory,
      Consumer<ByteBuf> reply) {
    if (!accepting) {
      return;
    }
    Query q = parse(message, alloc, tcp, start, reply);
    if (q == null) {
      return;
    }
    if (!tcp && limiter != null && rateLimited(message, alloc, client, q, start, reply)) {
      return;
    }
    if (!access.allows(client.getAddress())) {
      ByteBuf out = alloc.buffer(q.questionEnd() + 16);
      LocalAnswers.empty(out, message, q, Rcode.REFUSED, null);
      recorder.refused(client, tcp, q, out, start);
      reply.accept(out);
      return;
    }
    if (q.edns() && q.ednsVersion() > 0) {
      ByteBuf out = alloc.buffer(q.questionEnd() + 16);
      LocalAnswers.badVersion(out, message, q);
      recorder.rejected(tcp, "edns version", start);
      reply.accept(out);
      return;
    }
    processor.accept(factory.create(q));
  }

  private Query parse(
      ByteBuf message, ByteBufAllocator alloc, boolean tcp, long start, Consumer<ByteBuf> reply) {
    try {
      return QueryParser.parse(message);
    } catch (MalformedQueryException e) {
      // The sender controls this content: DEBUG and a counter, never louder (STYLE.md).
      LOG.debug("malformed query: {}", e.reason());
      recorder.rejected(tcp, e.reason(), start);
      if (e.headerReadable()) {
        ByteBuf out = alloc.buffer(12);
        int rcode = "opcode".equals(e.reason()) ? Rcode.NOTIMP : Rcode.FORMERR;
        LocalAnswers.headerOnly(out, message, rcode);
        reply.accept(out);
      }
      return null;
    }
  }

  private boolean rateLimited(
      ByteBuf message,
      ByteBufAllocator alloc,
      InetSocketAddress client,
      Query q,
      long start,
      Consumer<ByteBuf> reply) {
    RateLimiter.Decision d = limiter.check(client.getAddress(), start);
    if (d == RateLimiter.Decision.ANSWER) {
      return false;
    }
    recorder.metrics().query(false, q.qtype(), QueryOutcome.RATELIMITED, 0);
    if (d == RateLimiter.Decision.SLIP) {
      ByteBuf out = alloc.buffer(q.questionEnd() + 16);
      LocalAnswers.truncated(out, message, q);
      reply.accept(out);
    }
    return true;
  }

  /** Builds the transport's exchange for a parsed query. */
  interface ExchangeFactory {
    Exchange create(Query q);
  }
}

package io.sinkhole.transport;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.channel.EventLoop;
import io.sinkhole.metrics.SinkholeMetrics;
import io.sinkhole.query.Exchange;
import io.sinkhole.query.QueryProcessor;
import io.sinkhole.upstream.UpstreamClient;
import io.sinkhole.wire.LocalAnswers;
import io.sinkhole.wire.MalformedQueryException;
import io.sinkhole.wire.Query;
import io.sinkhole.wire.QueryParser;
import io.sinkhole.wire.Rcode;
import java.util.Map;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What UDP and TCP share once a message has been framed: parse it, turn a malformed one into
 * FORMERR (or NOTIMP, or silence when even the header is unreadable, RFC 1035 section 4.1.1), and
 * hand a good one to the processor.
 */
final class QueryIntake {
  private static final Logger LOG = LoggerFactory.getLogger(QueryIntake.class);

  private final QueryProcessor processor;
  private final SinkholeMetrics metrics;
  private final Map<EventLoop, UpstreamClient> upstreams;
  private volatile boolean accepting = true;

  QueryIntake(
      QueryProcessor processor, SinkholeMetrics metrics, Map<EventLoop, UpstreamClient> upstreams) {
    this.processor = processor;
    this.metrics = metrics;
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

  /**
   * Parses {@code message} and either processes it through {@code factory} or rejects it, answering
   * through {@code reject} when the header was readable.
   */
  void accept(
      ByteBuf message,
      ByteBufAllocator alloc,
      boolean tcp,
      ExchangeFactory factory,
      Consumer<ByteBuf> reject) {
    if (!accepting) {
      return;
    }
    Query q;
    try {
      q = QueryParser.parse(message);
    } catch (MalformedQueryException e) {
      // The sender controls this content: DEBUG and a counter, never louder (STYLE.md).
      LOG.debug("malformed query: {}", e.reason());
      metrics.malformed(e.reason());
      if (e.headerReadable()) {
        ByteBuf out = alloc.buffer(12);
        int rcode = "opcode".equals(e.reason()) ? Rcode.NOTIMP : Rcode.FORMERR;
        LocalAnswers.headerOnly(out, message, rcode);
        reject.accept(out);
      }
      return;
    }
    processor.process(factory.create(q));
  }

  /** Builds the transport's exchange for a parsed query. */
  interface ExchangeFactory {
    Exchange create(Query q);
  }
}

package io.sinkhole.transport;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.sinkhole.event.DnsEvent;
import io.sinkhole.event.EventPipeline;
import io.sinkhole.metrics.QueryOutcome;
import io.sinkhole.metrics.SinkholeMetrics;
import io.sinkhole.policy.Verdict;
import io.sinkhole.wire.Query;
import io.sinkhole.wire.Rcode;
import java.net.InetSocketAddress;

/**
 * Counts and records what the intake stages answer themselves. Refusals become events (an analyst
 * wants to see who probes the resolver from outside); rate-limited and malformed queries are only
 * counted, because a flood of them must not become a flood of event rows.
 */
final class IntakeRecorder {
  /** qtype used when the question could not be read; counted under {@code other}. */
  private static final int UNKNOWN_QTYPE = 0;

  private final SinkholeMetrics metrics;
  private final EventPipeline events;

  IntakeRecorder(SinkholeMetrics metrics, EventPipeline events) {
    this.metrics = metrics;
    this.events = events;
  }

  SinkholeMetrics metrics() {
    return metrics;
  }

  void rejected(boolean tcp, String reason, long startNanos) {
    metrics.malformed(reason);
    metrics.query(tcp, UNKNOWN_QTYPE, QueryOutcome.FORMERR, System.nanoTime() - startNanos);
  }

  void refused(InetSocketAddress client, boolean tcp, Query q, ByteBuf answer, long startNanos) {
    long nanos = System.nanoTime() - startNanos;
    metrics.query(tcp, q.qtype(), QueryOutcome.REFUSED, nanos);
    if (events == null) {
      return;
    }
    events.submit(
        new DnsEvent(
            System.currentTimeMillis(),
            client,
            tcp ? "tcp" : "udp",
            q.id(),
            q.presentationName(),
            q.qtype(),
            Rcode.REFUSED,
            DnsEvent.Action.REFUSED,
            Verdict.ALLOW,
            ByteBufUtil.getBytes(answer),
            nanos,
            null));
  }
}

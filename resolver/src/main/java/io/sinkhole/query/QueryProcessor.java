package io.sinkhole.query;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.sinkhole.config.SinkholeConfig;
import io.sinkhole.event.DnsEvent;
import io.sinkhole.event.DnsEvent.Action;
import io.sinkhole.event.EventPipeline;
import io.sinkhole.ioc.DomainMatch;
import io.sinkhole.ioc.IocSet;
import io.sinkhole.metrics.QueryOutcome;
import io.sinkhole.metrics.SinkholeMetrics;
import io.sinkhole.policy.Policy;
import io.sinkhole.policy.Verdict;
import io.sinkhole.policy.Verdict.Outcome;
import io.sinkhole.upstream.UpstreamCallback;
import io.sinkhole.wire.LocalAnswers;
import io.sinkhole.wire.Query;
import io.sinkhole.wire.Rcode;
import java.util.function.Supplier;

/**
 * The path of a parsed query. The stages, in order:
 *
 * <ol>
 *   <li>match the query name against the IOC snapshot: local work, so a dead upstream never delays
 *       a block;
 *   <li>a block is answered here and never leaves the host;
 *   <li>everything else (including monitored matches) is forwarded, and the upstream's answer is
 *       relayed unchanged apart from the ID;
 *   <li>every outcome, failures included, is counted and becomes one event.
 * </ol>
 */
public final class QueryProcessor {
  private static final ThreadLocal<long[]> HASHES = ThreadLocal.withInitial(() -> new long[128]);

  private final Supplier<IocSet> iocs;
  private final Supplier<Policy> policy;
  private final BlockAnswers blockAnswers;
  private final EventPipeline events;
  private final SinkholeMetrics metrics;

  public QueryProcessor(
      Supplier<IocSet> iocs,
      Supplier<Policy> policy,
      SinkholeConfig config,
      EventPipeline events,
      SinkholeMetrics metrics) {
    this.iocs = iocs;
    this.policy = policy;
    this.blockAnswers = new BlockAnswers(config.block());
    this.events = events;
    this.metrics = metrics;
  }

  public void process(Exchange x) {
    metrics.queryStarted();
    Query q = x.query();
    String name = q.presentationName();
    Verdict v = decide(q, name, x.receivedMillis());
    if (v.outcome() == Outcome.BLOCK) {
      answerBlocked(x, name, v);
      return;
    }
    forward(x, name, v);
  }

  private Verdict decide(Query q, String name, long nowMillis) {
    DomainMatch m =
        iocs.get()
            .match(
                q.nameBytes(),
                labelStarts(q),
                q.labelCount(),
                q.nameLength(),
                nowMillis,
                HASHES.get());
    return policy.get().decide(m, name);
  }

  private static int[] labelStarts(Query q) {
    int[] starts = new int[q.labelCount()];
    for (int i = 0; i < starts.length; i++) {
      starts[i] = q.labelStart(i);
    }
    return starts;
  }

  private void answerBlocked(Exchange x, String name, Verdict v) {
    ByteBuf out = x.alloc().buffer(x.query().questionEnd() + 128);
    int rcode = blockAnswers.write(out, x.message(), x.query(), v);
    metrics.block(v.claim().threat().threatType(), v.claim().feedName(), "blocked");
    countHit(v);
    finish(x, name, out, rcode, Action.BLOCKED, QueryOutcome.BLOCKED, v, null);
  }

  private void forward(Exchange x, String name, Verdict v) {
    boolean monitored = v.outcome() == Outcome.MONITOR;
    if (monitored) {
      metrics.block(v.claim().threat().threatType(), v.claim().feedName(), "monitored");
      countHit(v);
    }
    ByteBuf query = x.message().retain();
    x.upstream()
        .forward(
            query,
            x.query().questionEnd(),
            new UpstreamCallback() {
              @Override
              public void answered(ByteBuf response, String upstream) {
                int rcode = response.getUnsignedByte(response.readerIndex() + 3) & 0x0f;
                Action a = monitored ? Action.MONITORED : Action.ALLOWED;
                QueryOutcome o = monitored ? QueryOutcome.MONITORED : QueryOutcome.FORWARDED;
                finish(x, name, response, rcode, a, o, v, upstream);
              }

              @Override
              public void failed(String reason) {
                ByteBuf out = x.alloc().buffer(x.query().questionEnd() + 16);
                LocalAnswers.empty(out, x.message(), x.query(), Rcode.SERVFAIL, null);
                finish(
                    x, name, out, Rcode.SERVFAIL, Action.SERVFAIL, QueryOutcome.SERVFAIL, v, null);
              }
            });
  }

  /** Feeds the top-N indicator table: the listed value that matched, never the query name. */
  private void countHit(Verdict v) {
    String indicator = v.match() != null ? v.match().indicator() : v.maliciousIp();
    if (indicator != null) {
      metrics.indicatorHit(indicator, v.claim().feedName(), v.claim().threat().malware());
    }
  }

  /** The one place where an answer leaves, is counted and becomes an event. */
  private void finish(
      Exchange x,
      String name,
      ByteBuf answer,
      int rcode,
      Action action,
      QueryOutcome outcome,
      Verdict v,
      String upstream) {
    byte[] wire = ByteBufUtil.getBytes(answer);
    x.send(answer);
    long nanos = System.nanoTime() - x.receivedNanos();
    Query q = x.query();
    metrics.query(x.tcp(), q.qtype(), outcome, nanos);
    events.submit(
        new DnsEvent(
            x.receivedMillis(),
            x.client(),
            x.tcp() ? "tcp" : "udp",
            q.id(),
            name,
            q.qtype(),
            rcode,
            action,
            v,
            wire,
            nanos,
            upstream));
  }
}

package io.sinkhole.query;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.sinkhole.cache.CacheKey;
import io.sinkhole.cache.CachedAnswer;
import io.sinkhole.cache.ResponseCache;
import io.sinkhole.config.SinkholeConfig;
import io.sinkhole.event.DnsEvent;
import io.sinkhole.event.DnsEvent.Action;
import io.sinkhole.event.EventPipeline;
import io.sinkhole.inspect.AnswerInspector;
import io.sinkhole.ioc.DomainMatch;
import io.sinkhole.ioc.IocSet;
import io.sinkhole.localzone.LocalZones;
import io.sinkhole.metrics.QueryOutcome;
import io.sinkhole.metrics.SinkholeMetrics;
import io.sinkhole.policy.Policy;
import io.sinkhole.policy.Verdict;
import io.sinkhole.policy.Verdict.Outcome;
import io.sinkhole.upstream.UpstreamCallback;
import io.sinkhole.wire.ClientAnswers;
import io.sinkhole.wire.LocalAnswers;
import io.sinkhole.wire.Query;
import io.sinkhole.wire.Rcode;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The path of a parsed query. The stages, in order, each where it is for a reason:
 *
 * <ol>
 *   <li>match the query name against one IOC snapshot: local work, so a dead upstream never delays
 *       a block;
 *   <li>a block is answered here and never leaves the host;
 *   <li>local zones (private reverse lookups, RFC 6303) are answered here: no upstream can know
 *       them, and forwarding them leaks internal addresses;
 *   <li>the cache, after the IOC match so that a name listed since the answer was stored is
 *       blocked, and carrying the inspection verdict stored with the answer;
 *   <li>everything else (including monitored matches) is forwarded; the answer is inspected (alias
 *       targets and addresses against the indicators), stored or evicted, then relayed;
 *   <li>every outcome, failures included, is counted and becomes one event ({@link #finish}).
 * </ol>
 */
public final class QueryProcessor {
  private static final Logger LOG = LoggerFactory.getLogger(QueryProcessor.class);
  private static final long FAILURE_WARN_NANOS = 10_000_000_000L;
  private static final ThreadLocal<long[]> HASHES = ThreadLocal.withInitial(() -> new long[128]);
  private static final ThreadLocal<CacheKey> PROBES = ThreadLocal.withInitial(CacheKey::probe);
  private static final ThreadLocal<AnswerInspector> INSPECTORS =
      ThreadLocal.withInitial(AnswerInspector::new);

  /**
   * The last clean-answer record each thread stored: nearly every cached answer is clean, from one
   * of a few upstreams, under the current snapshot, so entries share a handful of records that stay
   * in the CPU cache instead of each hit reading its own (issue #5).
   */
  private static final ThreadLocal<Inspected[]> CLEAN =
      ThreadLocal.withInitial(() -> new Inspected[1]);

  /** RFC 6303 section 3: the TTL and negative TTL of the locally served reverse zones. */
  private static final int LOCAL_ZONE_TTL = 10800;

  private static final int HEADER_BYTES = 12;

  private final Supplier<IocSet> iocs;
  private final Supplier<Policy> policy;
  private final BlockAnswers blockAnswers;
  private final LocalZones localZones;
  private final ResponseCache<Inspected> cache;
  private final EventPipeline events;
  private final SinkholeMetrics metrics;
  private final AtomicLong lastFailureWarn = new AtomicLong(System.nanoTime() - FAILURE_WARN_NANOS);

  public QueryProcessor(
      Supplier<IocSet> iocs,
      Supplier<Policy> policy,
      SinkholeConfig config,
      EventPipeline events,
      SinkholeMetrics metrics) {
    this.iocs = iocs;
    this.policy = policy;
    this.blockAnswers = new BlockAnswers(config.block());
    this.localZones = new LocalZones(config.localZones());
    this.cache = new ResponseCache<>(config.cache(), metrics);
    this.events = events;
    this.metrics = metrics;
  }

  public void process(Exchange x) {
    metrics.queryStarted();
    try {
      route(x);
    } catch (RuntimeException e) {
      answerFailed(x, e);
    }
  }

  private void route(Exchange x) {
    Query q = x.query();
    String name = q.presentationName();
    IocSet snapshot = iocs.get(); // one snapshot for the whole query, reloads included
    // 1-2. Name match first: local work, so blocks never wait on an upstream.
    Verdict v = decide(x, name, snapshot);
    if (v.outcome() == Outcome.BLOCK) {
      answerBlocked(x, name, v);
      return;
    }
    // 3. RFC 6303 zones: no upstream can answer them, and asking leaks internal addresses.
    int zone = localZones.zoneLabel(q);
    if (zone >= 0) {
      answerLocal(x, name, v, zone);
      return;
    }
    // 4. Cache after the match, so a newly listed name is never served from cache.
    CacheKey key = keyOf(q);
    if (cache.enabled() && answerFromCache(x, name, v, key, snapshot)) {
      return;
    }
    // 5. Forward; the answer is inspected, cached and relayed in relay(). The probe key is
    // refilled by the next query on this thread, so the forward keeps a copy.
    forward(x, name, v, key.copy(), snapshot);
  }

  private Verdict decide(Exchange x, String name, IocSet snapshot) {
    Query q = x.query();
    DomainMatch m =
        snapshot.match(
            q.nameBytes(),
            q.labelStarts(),
            q.labelCount(),
            q.nameLength(),
            x.receivedMillis(),
            HASHES.get());
    return policy.get().decide(m, name, x.client().getAddress());
  }

  /** The thread's probe key refilled for {@code q}: copy it before keeping it. */
  private static CacheKey keyOf(Query q) {
    return PROBES
        .get()
        .set(
            q.nameBytes(),
            q.nameLength(),
            q.qtype(),
            q.qclass(),
            q.dnssecOk(),
            q.checkingDisabled(),
            q.edns());
  }

  private void answerBlocked(Exchange x, String name, Verdict v) {
    ByteBuf out = x.alloc().buffer(x.query().questionEnd() + 128);
    int rcode = blockAnswers.write(out, x.message(), x.query(), v);
    metrics.block(v.claim().threat().threatType(), v.claim().feedName(), "blocked");
    countHit(v);
    finish(x, name, out, rcode, Action.BLOCKED, QueryOutcome.BLOCKED, v, null);
  }

  /** NXDOMAIN below the zone apex, NODATA at it, with the zone's SOA (RFC 6303 section 3). */
  private void answerLocal(Exchange x, String name, Verdict v, int zoneLabel) {
    ByteBuf out = x.alloc().buffer(x.query().questionEnd() + 128);
    int rcode = zoneLabel == 0 ? Rcode.NOERROR : Rcode.NXDOMAIN;
    LocalAnswers.negative(out, x.message(), x.query(), rcode, zoneLabel, LOCAL_ZONE_TTL, null);
    finish(x, name, out, rcode, Action.LOCAL, QueryOutcome.LOCAL, v, null);
  }

  /** Accepts cached answers inspected against the IOC set of {@code generation}. */
  private record Valid(long generation) implements Predicate<Inspected> {
    @Override
    public boolean test(Inspected i) {
      return i.generation() == generation;
    }
  }

  // The test for the current generation, made once per IOC set instead of once per query (a
  // capturing lambda allocated on every cache lookup, issue #5). Racy but safe: any thread may
  // replace it, and each instance is immutable.
  private Valid valid = new Valid(Long.MIN_VALUE);

  private Predicate<Inspected> validFor(long generation) {
    Valid v = valid;
    if (v.generation() != generation) {
      v = new Valid(generation);
      valid = v;
    }
    return v;
  }

  private boolean answerFromCache(
      Exchange x, String name, Verdict v, CacheKey key, IocSet snapshot) {
    // The cache's clock is System.nanoTime, read when the query's batch arrived.
    long now = x.receivedNanos();
    CachedAnswer<Inspected> hit = cache.get(key, validFor(snapshot.generation()), now);
    if (hit == null) {
      return false;
    }
    Verdict found = hit.verdict().verdict();
    if (found.outcome() == Outcome.BLOCK) {
      answerBlocked(x, name, found);
      return true;
    }
    ByteBuf out = x.alloc().buffer(hit.size());
    hit.writeTo(out, x.query().id(), x.message(), x.query().questionEnd(), now);
    x.answerLayout(hit.layout());
    Verdict ev = v.matched() ? v : found;
    Action a = ev.outcome() == Outcome.MONITOR ? Action.MONITORED : Action.ALLOWED;
    finish(x, name, out, hit.rcode(), a, QueryOutcome.CACHED, ev, hit.verdict().upstream());
    return true;
  }

  private void forward(Exchange x, String name, Verdict v, CacheKey key, IocSet snapshot) {
    if (v.outcome() == Outcome.MONITOR) {
      metrics.block(v.claim().threat().threatType(), v.claim().feedName(), "monitored");
      countHit(v);
    }
    ByteBuf query = x.detachMessage();
    x.upstream()
        .forward(
            query,
            x.query().questionEnd(),
            key,
            new UpstreamCallback() {
              @Override
              public void answered(ByteBuf response, String upstream) {
                try {
                  relay(x, name, v, key, snapshot, response, upstream);
                } catch (RuntimeException e) {
                  answerFailed(x, e);
                }
              }

              @Override
              public void failed(String reason) {
                servfail(x, name, v, null);
              }
            });
  }

  private void servfail(Exchange x, String name, Verdict v, String upstream) {
    ByteBuf out = x.alloc().buffer(x.query().questionEnd() + 16);
    LocalAnswers.empty(out, x.message(), x.query(), Rcode.SERVFAIL, null);
    finish(x, name, out, Rcode.SERVFAIL, Action.SERVFAIL, QueryOutcome.SERVFAIL, v, upstream);
  }

  /**
   * An exception on the answer path is a bug here or a library throwing on data it accepted (two
   * such were found in dnsjava, issue #5): the client still gets SERVFAIL unless it was already
   * answered, the query is counted and written as an event like any other SERVFAIL, and a WARN
   * line, at most one per interval, says what happened.
   */
  private void answerFailed(Exchange x, RuntimeException e) {
    long now = System.nanoTime();
    long last = lastFailureWarn.get();
    if (now - last >= FAILURE_WARN_NANOS && lastFailureWarn.compareAndSet(last, now)) {
      LOG.warn("answering {} failed; the client gets SERVFAIL", x.query().presentationName(), e);
    }
    if (x.answered()) {
      return;
    }
    // A cache hit may have set the layout of the answer that was not sent; it is not this one's.
    x.answerLayout(ClientAnswers.UNKNOWN_LAYOUT);
    try {
      servfail(x, x.query().presentationName(), Verdict.ALLOW, null);
    } catch (RuntimeException again) {
      LOG.debug("SERVFAIL after a failure failed too: {}", again.toString());
    }
  }

  /** Inspects a forwarded answer, stores (or evicts) it, and relays it or blocks instead. */
  private void relay(
      Exchange x,
      String name,
      Verdict v,
      CacheKey key,
      IocSet snapshot,
      ByteBuf response,
      String upstream) {
    byte[] wire = ByteBufUtil.getBytes(response);
    Verdict found =
        INSPECTORS
            .get()
            .inspect(wire, snapshot, policy.get(), x.receivedMillis(), x.client().getAddress());
    if (found == null) {
      // An answer that cannot be inspected cannot be vouched for: a listed CNAME target could
      // hide behind one malformed record, so fail closed and keep it out of the cache.
      response.release();
      cache.invalidate(key);
      metrics.upstreamError(upstream, "unparseable");
      servfail(x, name, v, upstream);
      return;
    }
    cache.put(key, wire, inspected(found, snapshot.generation(), upstream));
    if (found.outcome() == Outcome.BLOCK) {
      response.release();
      answerBlocked(x, name, found);
      return;
    }
    int rcode = response.getUnsignedByte(response.readerIndex() + 3) & 0x0f;
    Verdict ev = v.matched() ? v : found;
    boolean monitored = ev.outcome() == Outcome.MONITOR;
    Action a = monitored ? Action.MONITORED : Action.ALLOWED;
    QueryOutcome o = monitored ? QueryOutcome.MONITORED : QueryOutcome.FORWARDED;
    finish(x, name, response, rcode, a, o, ev, upstream);
  }

  private static Inspected inspected(Verdict found, long generation, String upstream) {
    if (found != Verdict.ALLOW) {
      return new Inspected(found, generation, upstream);
    }
    Inspected[] last = CLEAN.get();
    Inspected i = last[0];
    if (i == null
        || i.generation() != generation
        || !java.util.Objects.equals(i.upstream(), upstream)) {
      i = new Inspected(found, generation, upstream);
      last[0] = i;
    }
    return i;
  }

  /** Feeds the top-N indicator table: the listed value that matched, never the query name. */
  private void countHit(Verdict v) {
    String indicator = v.match() != null ? v.match().indicator() : v.maliciousIp();
    if (indicator != null) {
      metrics.indicatorHit(indicator, v.claim().feedName(), v.claim().threat().malware());
    }
  }

  /**
   * What the event needs of the answer: its header (flags) always, its records only when it has
   * answer records to list (IPAddresses). Most blocked answers are a bare NXDOMAIN.
   */
  private static byte[] eventCopy(ByteBuf answer) {
    int at = answer.readerIndex();
    boolean records = answer.readableBytes() > 12 && answer.getUnsignedShort(at + 6) > 0;
    return ByteBufUtil.getBytes(answer, at, records ? answer.readableBytes() : HEADER_BYTES);
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
    byte[] wire = eventCopy(answer);
    if (action == Action.BLOCKED || action == Action.LOCAL || action == Action.SERVFAIL) {
      x.sendMade(answer);
    } else {
      x.send(answer);
    }
    x.markAnswered();
    long nanos = System.nanoTime() - x.receivedNanos();
    Query q = x.query();
    metrics.query(x.tcp(), q.qtype(), outcome, nanos);
    metrics.queryFinished();
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

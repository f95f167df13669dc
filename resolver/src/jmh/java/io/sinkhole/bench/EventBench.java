package io.sinkhole.bench;

import io.sinkhole.event.DnsEvent;
import io.sinkhole.event.DnsEventsSchema;
import io.sinkhole.event.Rows;
import io.sinkhole.ioc.Directive;
import io.sinkhole.ioc.DomainMatch;
import io.sinkhole.ioc.MatchScope;
import io.sinkhole.ioc.Provenance;
import io.sinkhole.ioc.ThreatInfo;
import io.sinkhole.policy.RuleText;
import io.sinkhole.policy.Verdict;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.xbill.DNS.ARecord;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Flags;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.Record;
import org.xbill.DNS.Section;
import org.xbill.DNS.Type;

/**
 * One DnsEvents row as the event writer thread makes it, for a blocked query (bare NXDOMAIN, a
 * feed match) and a forwarded one (an A answer to list in IPAddresses). On one core this work
 * competes with answering, so it is part of the server's cost per query (issue #5).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class EventBench {
  Rows rows;
  DnsEvent blocked;
  DnsEvent forwarded;

  @Setup
  public void setup() throws IOException {
    rows = new Rows(new DnsEventsSchema("bench"));
    InetSocketAddress client = new InetSocketAddress(InetAddress.getByName("192.0.2.7"), 40000);
    Provenance p =
        new Provenance(
            0,
            "bench-blocklist",
            ThreatInfo.NONE,
            MatchScope.NAME_AND_SUBDOMAINS,
            Directive.DEFAULT,
            List.of());
    DomainMatch m = new DomainMatch("malware.example", 1, 1, List.of(p));
    // Words made when the row is written, as the policy's decisions do (policy.Judgement).
    RuleText rule =
        () -> "feed " + p.feedName() + ": block (confidence " + 100 + " (feed default) >= "
            + "block_confidence " + 0 + ")";
    Verdict v = new Verdict(Verdict.Outcome.BLOCK, m, p, "x1.malware.example", null, rule);
    byte[] nx = header(3);
    long now = System.currentTimeMillis();
    blocked =
        new DnsEvent(
            now, client, "udp", 4242, "x1.malware.example", 1, 3, DnsEvent.Action.BLOCKED, v, nx,
            21_000, null);
    forwarded =
        new DnsEvent(
            now, client, "udp", 4243, "www.zone.example", 1, 0, DnsEvent.Action.ALLOWED,
            Verdict.ALLOW, answer(), 180_000, "192.0.2.53:53");
  }

  private static byte[] header(int rcode) {
    byte[] h = new byte[12];
    h[2] = (byte) 0x81;
    h[3] = (byte) (0x80 | rcode);
    return h;
  }

  private static byte[] answer() throws IOException {
    Name name = Name.fromString("www.zone.example.");
    Message m = Message.newQuery(Record.newRecord(name, Type.A, DClass.IN));
    m.getHeader().setFlag(Flags.QR);
    m.addRecord(
        new ARecord(name, DClass.IN, 300, InetAddress.getByName("192.0.2.10")), Section.ANSWER);
    return m.toWire();
  }

  @Benchmark
  public byte[] blockedRow() throws IOException {
    return rows.bytes(blocked);
  }

  @Benchmark
  public byte[] forwardedRow() throws IOException {
    return rows.bytes(forwarded);
  }
}

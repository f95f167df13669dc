package io.sinkhole.bench;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.PooledByteBufAllocator;
import io.sinkhole.wire.ExtendedError;
import io.sinkhole.wire.LocalAnswers;
import io.sinkhole.wire.MalformedQueryException;
import io.sinkhole.wire.Query;
import io.sinkhole.wire.QueryParser;
import io.sinkhole.wire.Rcode;
import java.io.IOException;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.OPTRecord;
import org.xbill.DNS.Record;
import org.xbill.DNS.Type;

/**
 * The question parser and the local answer writers on a typical query (4 labels, A, EDNS with DO
 * clear, as dnsperf sends), reading from and writing to pooled direct buffers like the server.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class WireBench {
  private static final ExtendedError EDE = new ExtendedError(ExtendedError.BLOCKED, "");
  private static final List<byte[]> SINKHOLE = List.of(new byte[4], new byte[16]);

  ByteBuf query;
  ByteBuf out;
  Query parsed;

  @Setup(Level.Trial)
  public void setup() throws IOException, MalformedQueryException {
    Name name = Name.fromString("x1.cdn.malware.example.");
    Message m = Message.newQuery(Record.newRecord(name, Type.A, DClass.IN));
    m.addRecord(new OPTRecord(1232, 0, 0), org.xbill.DNS.Section.ADDITIONAL);
    byte[] wire = m.toWire();
    query = PooledByteBufAllocator.DEFAULT.directBuffer(wire.length).writeBytes(wire);
    out = PooledByteBufAllocator.DEFAULT.directBuffer(512);
    parsed = QueryParser.parse(query);
  }

  @TearDown(Level.Trial)
  public void release() {
    query.release();
    out.release();
  }

  @Benchmark
  public Query parse() throws MalformedQueryException {
    return QueryParser.parse(query);
  }

  @Benchmark
  public int negative() {
    out.clear();
    LocalAnswers.negative(out, query, parsed, Rcode.NXDOMAIN, 2, 60, EDE);
    return out.writerIndex();
  }

  @Benchmark
  public int addresses() {
    out.clear();
    LocalAnswers.addresses(out, query, parsed, SINKHOLE, 2, 60, EDE);
    return out.writerIndex();
  }
}

package io.sinkhole.query;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.sinkhole.config.ConfigLoader;
import io.sinkhole.config.Overrides;
import io.sinkhole.config.SinkholeConfig;
import io.sinkhole.event.DnsEvent;
import io.sinkhole.event.EventPipeline;
import io.sinkhole.event.EventSink;
import io.sinkhole.ioc.IocSet;
import io.sinkhole.metrics.SinkholeMetrics;
import io.sinkhole.policy.Policy;
import io.sinkhole.testing.Packets;
import io.sinkhole.upstream.UpstreamClient;
import io.sinkhole.wire.QueryParser;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xbill.DNS.Message;
import org.xbill.DNS.Rcode;

/**
 * An exception on the answer path (injected here: the policy cannot be read) still gets the client
 * a SERVFAIL, counted and written as an event, and never a second answer.
 */
class QueryProcessorFailureTest {
  @TempDir Path dir;

  /** An exchange that keeps what is sent; optionally it fails after the first answer went out. */
  static final class Recording extends Exchange {
    final List<byte[]> sent = new ArrayList<>();

    Recording(ByteBuf message) throws Exception {
      super(
          message,
          QueryParser.parse(message),
          new InetSocketAddress("127.0.0.1", 5353),
          System.nanoTime(),
          System.currentTimeMillis());
    }

    @Override
    public boolean tcp() {
      return false;
    }

    @Override
    public int maxAnswerSize() {
      return 512;
    }

    @Override
    public ByteBufAllocator alloc() {
      return ByteBufAllocator.DEFAULT;
    }

    @Override
    public UpstreamClient upstream() {
      throw new AssertionError("nothing is forwarded in this test");
    }

    @Override
    public void send(ByteBuf answer) {
      sent.add(ByteBufUtil.getBytes(answer));
      answer.release();
    }
  }

  private QueryProcessor processor(Supplier<Policy> policy, EventSink sink) throws Exception {
    Path f = dir.resolve("sinkhole.yaml");
    Files.writeString(f, "upstreams: [\"192.0.2.1:53\"]\n");
    SinkholeConfig config = ConfigLoader.load(f, Overrides.NONE);
    metrics = new SinkholeMetrics();
    events = new EventPipeline(List.of(sink), metrics, 16);
    return new QueryProcessor(() -> IocSet.EMPTY, policy, config, events, metrics);
  }

  private SinkholeMetrics metrics;
  private EventPipeline events;

  @Test
  void aFailureBeforeTheAnswer_givesServfail_countedAndWrittenAsAnEvent() throws Exception {
    List<DnsEvent> written = new CopyOnWriteArrayList<>();
    QueryProcessor p =
        processor(
            () -> {
              throw new IllegalStateException("injected");
            },
            sink(written));
    Recording x = new Recording(Unpooled.wrappedBuffer(Packets.query(7, "odd", "example")));

    p.process(x);
    events.close();

    assertThat(x.sent).hasSize(1);
    Message m = new Message(x.sent.get(0));
    assertThat(m.getHeader().getID()).isEqualTo(7);
    assertThat(m.getRcode()).isEqualTo(Rcode.SERVFAIL);
    assertThat(written)
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e.name()).isEqualTo("odd.example");
              assertThat(e.action()).isEqualTo(DnsEvent.Action.SERVFAIL);
            });
    assertThat(metrics.scrape())
        .containsPattern("sinkhole_queries_total\\{[^}]*outcome=\"servfail\"[^}]*\\} 1.0");
  }

  private static EventSink sink(List<DnsEvent> written) {
    return new EventSink() {
      @Override
      public String name() {
        return "test";
      }

      @Override
      public int write(List<DnsEvent> batch) {
        written.addAll(batch);
        return batch.size();
      }

      @Override
      public void close() {}
    };
  }
}

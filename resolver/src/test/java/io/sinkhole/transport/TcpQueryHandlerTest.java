package io.sinkhole.transport;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import io.sinkhole.access.AccessList;
import io.sinkhole.config.Access;
import io.sinkhole.metrics.SinkholeMetrics;
import io.sinkhole.query.Exchange;
import io.sinkhole.testing.Packets;
import io.sinkhole.wire.LocalAnswers;
import io.sinkhole.wire.Rcode;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The TCP handler without sockets: a fake next stage holds exchanges until the test answers. */
class TcpQueryHandlerTest {
  final List<Exchange> held = new ArrayList<>();
  final SinkholeMetrics metrics = new SinkholeMetrics();
  EmbeddedChannel channel;

  @AfterEach
  void noLeaks() {
    for (Object o; (o = channel.readOutbound()) != null; ) {
      ((ByteBuf) o).release();
    }
    assertThat(channel.finishAndReleaseAll()).isFalse();
  }

  EmbeddedChannel channel(List<String> allow, int maxInFlight) {
    QueryIntake intake =
        new QueryIntake(
            x -> {
              // Like forwarding: the exchange keeps the query past the read that delivered it.
              x.message().retain();
              held.add(x);
            },
            AccessList.of(allow),
            null,
            new IntakeRecorder(metrics, null),
            Map.of());
    channel =
        new EmbeddedChannel(new TcpQueryHandler(intake, maxInFlight, 1232)) {
          @Override
          protected SocketAddress remoteAddress0() {
            return new InetSocketAddress("127.0.0.1", 40000);
          }
        };
    return channel;
  }

  @Test
  void queriesInFlightAtLimit_stopReading_untilAnAnswerDrains() {
    EmbeddedChannel ch = channel(new Access(null).allow(), 2);

    ch.writeInbound(Unpooled.wrappedBuffer(Packets.query(1, "a", "example")));
    assertThat(ch.config().isAutoRead()).isTrue();
    ch.writeInbound(Unpooled.wrappedBuffer(Packets.query(2, "b", "example")));
    assertThat(ch.config().isAutoRead()).isFalse();

    answer(held.get(1));
    assertThat(ch.config().isAutoRead()).isTrue();
    ByteBuf out = ch.readOutbound();
    assertThat(out.getUnsignedShort(0)).isEqualTo(2);
    out.release();
    answer(held.get(0));
  }

  @Test
  void clientOutsideAccessList_getsRefused_andNeverReachesProcessor() {
    EmbeddedChannel ch = channel(List.of("192.0.2.0/24"), 8);

    ch.writeInbound(Unpooled.wrappedBuffer(Packets.query(5, "a", "example")));

    ByteBuf out = ch.readOutbound();
    assertThat(out.getUnsignedShort(0)).isEqualTo(5);
    assertThat(out.getUnsignedByte(3) & 0x0f).isEqualTo(Rcode.REFUSED);
    out.release();
    assertThat(held).isEmpty();
  }

  @Test
  void malformedQuery_getsFormerr_andNoExchange() {
    EmbeddedChannel ch = channel(new Access(null).allow(), 8);

    ch.writeInbound(Unpooled.wrappedBuffer(Packets.header(9, 2, 0, 0, 0).bytes()));

    ByteBuf out = ch.readOutbound();
    assertThat(out.getUnsignedByte(3) & 0x0f).isEqualTo(Rcode.FORMERR);
    out.release();
    assertThat(held).isEmpty();
  }

  /** Answers a held exchange with REFUSED, standing in for the processor. */
  private static void answer(Exchange x) {
    ByteBuf out = x.alloc().buffer();
    LocalAnswers.empty(out, x.message(), x.query(), Rcode.REFUSED, null);
    x.send(out);
    x.message().release();
  }
}

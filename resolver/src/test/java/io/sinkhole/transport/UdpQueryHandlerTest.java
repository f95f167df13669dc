package io.sinkhole.transport;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.channel.socket.DatagramPacket;
import io.sinkhole.access.AccessList;
import io.sinkhole.config.Access;
import io.sinkhole.metrics.SinkholeMetrics;
import io.sinkhole.query.Exchange;
import io.sinkhole.testing.Packets;
import io.sinkhole.wire.LocalAnswers;
import io.sinkhole.wire.Rcode;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The UDP handler without sockets. {@link EmbeddedChannel#writeInbound} delivers its messages as
 * one read batch (reads, then one read-complete), as one {@code recvmmsg} does.
 */
class UdpQueryHandlerTest {
  static final InetSocketAddress CLIENT = new InetSocketAddress("127.0.0.1", 40000);
  static final InetSocketAddress SERVER = new InetSocketAddress("127.0.0.1", 53);

  final List<Exchange> held = new ArrayList<>();
  final EmbeddedChannel channel =
      new EmbeddedChannel(
          new UdpQueryHandler(
              new QueryIntake(
                  x -> {
                    // Like forwarding: the exchange keeps the query past the read.
                    x.message().retain();
                    held.add(x);
                  },
                  AccessList.of(new Access(null).allow()),
                  null,
                  new IntakeRecorder(new SinkholeMetrics(), null),
                  Map.of()),
              1232));

  @AfterEach
  void noLeaks() {
    for (Object o; (o = channel.readOutbound()) != null; ) {
      ((DatagramPacket) o).release();
    }
    assertThat(channel.finishAndReleaseAll()).isFalse();
  }

  @Test
  void queriesOfOneReadBatch_shareTheirReceiveTime_andTheNextBatchGetsALaterOne() throws Exception {
    long before = System.currentTimeMillis();
    channel.writeInbound(datagram(1, "a"), datagram(2, "b"), datagram(3, "c"));
    long after = System.currentTimeMillis();
    Thread.sleep(2);
    channel.writeInbound(datagram(4, "d"));

    assertThat(held).hasSize(4);
    Exchange first = held.get(0);
    for (Exchange x : held.subList(1, 3)) {
      assertThat(x.receivedNanos()).isEqualTo(first.receivedNanos());
      assertThat(x.receivedMillis()).isEqualTo(first.receivedMillis());
    }
    assertThat(first.receivedMillis()).isBetween(before, after);
    Exchange later = held.get(3);
    assertThat(later.receivedNanos() - first.receivedNanos()).isGreaterThanOrEqualTo(2_000_000);
    assertThat(later.receivedMillis()).isGreaterThan(first.receivedMillis());
    held.forEach(UdpQueryHandlerTest::answer);
    assertThat(answerIds()).containsExactly(1, 2, 3, 4);
  }

  private List<Integer> answerIds() {
    List<Integer> ids = new ArrayList<>();
    for (DatagramPacket p; (p = channel.readOutbound()) != null; ) {
      assertThat(p.recipient()).isEqualTo(CLIENT);
      ids.add(p.content().getUnsignedShort(0));
      p.release();
    }
    return ids;
  }

  private static DatagramPacket datagram(int id, String label) {
    return new DatagramPacket(
        Unpooled.wrappedBuffer(Packets.query(id, label, "example")), SERVER, CLIENT);
  }

  private static void answer(Exchange x) {
    ByteBuf out = x.alloc().buffer();
    LocalAnswers.empty(out, x.message(), x.query(), Rcode.REFUSED, null);
    x.send(out);
    x.message().release();
  }
}

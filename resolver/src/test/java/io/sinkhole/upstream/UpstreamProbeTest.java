package io.sinkhole.upstream;

import static org.assertj.core.api.Assertions.assertThat;

import io.sinkhole.testing.DelayedUpstream;
import io.sinkhole.testing.UnboundUpstream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class UpstreamProbeTest {
  @Test
  void unboundRefusingTheRoot_countsAsAnswering() throws Exception {
    // The test Unbound refuses everything outside its zone: REFUSED is still an answer.
    try (UnboundUpstream unbound = UnboundUpstream.start()) {
      assertThat(UpstreamProbe.answers(unbound.address(), 1000)).isTrue();
    }
  }

  @Test
  void closedPort_failsWithoutWaitingForTheTimeout() throws Exception {
    InetSocketAddress closed =
        new InetSocketAddress(InetAddress.getLoopbackAddress(), UnboundUpstream.freePort());
    long start = System.nanoTime();

    assertThat(UpstreamProbe.answers(closed, 5000)).isFalse();
    assertThat(System.nanoTime() - start).isLessThan(2_000_000_000L);
  }

  @Test
  void replySlowerThanTheTimeout_fails() throws Exception {
    try (DelayedUpstream slow = DelayedUpstream.start(0, 500)) {
      assertThat(UpstreamProbe.answers(slow.address(), 100)).isFalse();
      assertThat(UpstreamProbe.answers(slow.address(), 2000)).isTrue();
    }
  }

  @Test
  void replyWithAnotherId_isIgnored() throws Exception {
    try (DatagramSocket spoofer =
        new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0))) {
      Thread replier = new Thread(() -> answerWithWrongId(spoofer));
      replier.start();

      assertThat(UpstreamProbe.answers((InetSocketAddress) spoofer.getLocalSocketAddress(), 300))
          .isFalse();
      replier.join();
    }
  }

  private static void answerWithWrongId(DatagramSocket socket) {
    try {
      DatagramPacket q = new DatagramPacket(new byte[512], 512);
      socket.receive(q);
      byte[] reply = Arrays.copyOf(q.getData(), q.getLength());
      reply[0] ^= 0x55;
      reply[2] |= (byte) 0x80;
      socket.send(new DatagramPacket(reply, reply.length, q.getSocketAddress()));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}

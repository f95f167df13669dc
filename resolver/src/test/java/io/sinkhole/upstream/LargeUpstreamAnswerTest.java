package io.sinkhole.upstream;

import static org.assertj.core.api.Assertions.assertThat;

import io.sinkhole.testing.DnsProbe;
import io.sinkhole.testing.RunningSinkhole;
import io.sinkhole.testing.UnboundUpstream;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.xbill.DNS.Message;
import org.xbill.DNS.Section;
import org.xbill.DNS.Type;

/** Upstream UDP answers longer than Netty's default 2048-byte read buffer arrive whole. */
class LargeUpstreamAnswerTest {
  @Test
  void upstreamAnswerOver2048Bytes_isRelayedWhole_toATcpClient() throws Exception {
    List<String> many = new ArrayList<>();
    for (int i = 1; i <= 150; i++) {
      many.add("many.zone.example. 300 IN A 192.0.2." + i);
    }
    try (UnboundUpstream unbound = UnboundUpstream.start(many, List.of("max-udp-size: 4096"));
        RunningSinkhole s = RunningSinkhole.start(unbound.hostPort(), "")) {
      Message m = new DnsProbe(s.dns()).tcp().edns(4096, false).query("many.zone.example", Type.A);

      assertThat(m.getSection(Section.ANSWER)).hasSize(150);
      assertThat(m.toWire().length).isGreaterThan(2048);
    }
  }
}

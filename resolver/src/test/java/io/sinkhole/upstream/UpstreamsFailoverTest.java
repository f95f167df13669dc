package io.sinkhole.upstream;

import static org.assertj.core.api.Assertions.assertThat;

import io.sinkhole.testing.RunningSinkhole;
import io.sinkhole.testing.ScriptedUpstream;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.xbill.DNS.Message;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Type;

/** Two scripted upstreams: failover, the health gauge, and recovery after a probe (issue #4). */
class UpstreamsFailoverTest {
  private static final ScriptedUpstream.Script SILENT = (q, r) -> {};
  private static final ScriptedUpstream.Script ANSWER =
      (q, r) -> r.send(ScriptedUpstream.answer(q, "192.0.2.1", 0));

  ScriptedUpstream first;
  ScriptedUpstream second;
  RunningSinkhole sinkhole;

  @BeforeEach
  void start() throws Exception {
    first = ScriptedUpstream.start(SILENT);
    second = ScriptedUpstream.start((q, r) -> r.send(ScriptedUpstream.answer(q, "192.0.2.2", 0)));
    sinkhole =
        RunningSinkhole.start(
            List.of(first.hostPort(), second.hostPort()),
            "forwarding:\n  timeout_ms: 150\n  deadline_ms: 1000\n  probe_interval_ms: 300\n");
  }

  @AfterEach
  void stop() {
    sinkhole.close();
    first.close();
    second.close();
  }

  @Test
  void deadFirstUpstream_failsOverToTheSecond() throws Exception {
    Message m = sinkhole.probe().query("a.zone.example", Type.A);

    assertThat(UpstreamClientTest.addresses(m)).containsExactly("192.0.2.2");
    assertThat(first.udpQueriesFor("a.zone.example.")).isEqualTo(1);
  }

  @Test
  void afterThreeFailures_upstreamIsMarkedUnhealthy_andSkipped() throws Exception {
    for (int i = 0; i < 3; i++) {
      sinkhole.probe().query("warm" + i + ".zone.example", Type.A);
    }

    long start = System.nanoTime();
    Message m = sinkhole.probe().query("fast.zone.example", Type.A);
    long millis = (System.nanoTime() - start) / 1_000_000;

    assertThat(healthy(first)).isEqualTo(0.0);
    assertThat(healthy(second)).isEqualTo(1.0);
    assertThat(UpstreamClientTest.addresses(m)).containsExactly("192.0.2.2");
    assertThat(millis).isLessThan(120L);
    assertThat(first.udpQueriesFor("fast.zone.example.")).isZero();
  }

  @Test
  void unhealthyUpstream_isProbedAgain_andRecoversWhenItAnswers() throws Exception {
    for (int i = 0; i < 3; i++) {
      sinkhole.probe().query("down" + i + ".zone.example", Type.A);
    }
    assertThat(healthy(first)).isEqualTo(0.0);
    first.script(ANSWER);

    ScriptedUpstream.sleep(350);
    Message probed = sinkhole.probe().query("probe.zone.example", Type.A);

    assertThat(UpstreamClientTest.addresses(probed)).containsExactly("192.0.2.1");
    assertThat(healthy(first)).isEqualTo(1.0);
  }

  @Test
  void everyUpstreamSilent_servfailWithinTheDeadline_afterTryingEach() throws Exception {
    second.script(SILENT);

    long start = System.nanoTime();
    Message m = sinkhole.probe().query("nobody.zone.example", Type.A);
    long millis = (System.nanoTime() - start) / 1_000_000;

    assertThat(m.getRcode()).isEqualTo(Rcode.SERVFAIL);
    assertThat(millis).isLessThan(1500L);
    assertThat(first.udpQueriesFor("nobody.zone.example.")).isPositive();
    assertThat(second.udpQueriesFor("nobody.zone.example.")).isPositive();
  }

  private double healthy(ScriptedUpstream u) throws Exception {
    return sinkhole.metric("sinkhole_upstream_healthy{upstream=\"" + u.hostPort() + "\"}");
  }
}

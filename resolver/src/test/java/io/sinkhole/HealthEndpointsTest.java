package io.sinkhole;

import static org.assertj.core.api.Assertions.assertThat;

import io.sinkhole.testing.DelayedUpstream;
import io.sinkhole.testing.RunningSinkhole;
import io.sinkhole.testing.UnboundUpstream;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.xbill.DNS.Message;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Type;

/** {@code /healthz} and {@code /readyz} of a whole server, with live and dead upstreams (#7). */
class HealthEndpointsTest {
  /** Fast probes and timeouts, so a dead upstream is noticed within a second. */
  private static final String FAST =
      "forwarding:\n  timeout_ms: 100\nhealth:\n  probe_interval_ms: 100\n";

  @Test
  void liveUpstream_healthzAndReadyzAnswer200AndNameEveryCheck() throws Exception {
    try (UnboundUpstream unbound = UnboundUpstream.start();
        RunningSinkhole s = RunningSinkhole.start(unbound.hostPort(), FAST)) {
      HttpResponse<String> health = s.get("/healthz");
      HttpResponse<String> ready = awaitStatus(s, 200);

      assertThat(health.statusCode()).isEqualTo(200);
      assertThat(ready.body()).isEqualTo("ready\nfeeds: ok\nlisteners: ok\nupstreams: ok\n");
    }
  }

  @Test
  void deadUpstream_probesMakeReadyz503WithoutAnyClientTraffic() throws Exception {
    int nothingListens = UnboundUpstream.freePort();
    try (RunningSinkhole s = RunningSinkhole.start("127.0.0.1:" + nothingListens, FAST)) {
      HttpResponse<String> ready = awaitStatus(s, 503);

      assertThat(ready.body()).contains("not ready").contains("upstreams: failing");
      assertThat(s.get("/healthz").statusCode()).isEqualTo(200);
      assertThat(
              s.metric("sinkhole_upstream_healthy{upstream=\"127.0.0.1:" + nothingListens + "\"}"))
          .isZero();
    }
  }

  @Test
  void upstreamThatComesBack_makesReadyz200Again() throws Exception {
    int port = UnboundUpstream.freePort();
    try (RunningSinkhole s = RunningSinkhole.start("127.0.0.1:" + port, FAST)) {
      awaitStatus(s, 503);

      try (DelayedUpstream revived = DelayedUpstream.start(port, 0)) {
        assertThat(awaitStatus(s, 200).body()).startsWith("ready\n");
        assertThat(revived.received()).isPositive();
      }
    }
  }

  @Test
  void probingOff_failedForwardsAloneMakeReadyz503() throws Exception {
    String noProbes = "forwarding:\n  timeout_ms: 50\nhealth:\n  probe_interval_ms: 0\n";
    int nothingListens = UnboundUpstream.freePort();
    try (RunningSinkhole s = RunningSinkhole.start("127.0.0.1:" + nothingListens, noProbes)) {
      assertThat(s.get("/readyz").statusCode()).as("no evidence yet").isEqualTo(200);

      for (int i = 0; i < 3; i++) {
        Message m = s.probe().query("q" + i + ".zone.example", Type.A);
        assertThat(m.getRcode()).isEqualTo(Rcode.SERVFAIL);
      }

      assertThat(awaitStatus(s, 503).body()).contains("upstreams: failing");
      assertThat(
              s.metric(
                  "sinkhole_upstream_probes_total{result=\"failure\",upstream=\"127.0.0.1:"
                      + nothingListens
                      + "\"}"))
          .isZero();
    }
  }

  /** Polls /readyz until it answers {@code status}; returns that response or the last one. */
  private static HttpResponse<String> awaitStatus(RunningSinkhole s, int status) throws Exception {
    long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
    HttpResponse<String> r = s.get("/readyz");
    while (r.statusCode() != status && System.nanoTime() < deadline) {
      Thread.sleep(25);
      r = s.get("/readyz");
    }
    assertThat(r.statusCode()).as("/readyz said: %s", r.body()).isEqualTo(status);
    return r;
  }
}

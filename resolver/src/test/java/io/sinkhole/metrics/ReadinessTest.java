package io.sinkhole.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

class ReadinessTest {
  @Test
  void withoutChecks_isNotReady() {
    assertThat(new Readiness().ready()).isFalse();
  }

  @Test
  void oneFailingCheck_makesItNotReadyAndIsNamed() {
    AtomicBoolean upstreams = new AtomicBoolean(true);
    Readiness r = new Readiness().require("feeds", () -> true).require("upstreams", upstreams::get);
    assertThat(r.ready()).isTrue();

    upstreams.set(false);

    assertThat(r.ready()).isFalse();
    assertThat(r.failing()).containsExactly("upstreams");
    assertThat(r.report().body()).isEqualTo("not ready\nfeeds: ok\nupstreams: failing\n");
  }
}

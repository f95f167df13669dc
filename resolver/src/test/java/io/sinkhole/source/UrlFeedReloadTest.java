package io.sinkhole.source;

import static io.sinkhole.source.FileFeedReloadTest.blocked;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.sinkhole.testing.FeedServer;
import io.sinkhole.testing.Poll;
import io.sinkhole.testing.RunningSinkhole;
import io.sinkhole.testing.UnboundUpstream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Feeds downloaded over HTTP from a scripted loopback server (issue #3, sources and reloads). */
class UrlFeedReloadTest {
  private static final String HOSTS =
      "127.0.0.1 localhost\n0.0.0.0 c2-one.example\n0.0.0.0 c2-two.example\n";

  static UnboundUpstream unbound;
  FeedServer server;
  RunningSinkhole sinkhole;

  @BeforeAll
  static void startUpstream() throws IOException {
    unbound = UnboundUpstream.start();
  }

  @AfterAll
  static void stopUpstream() {
    unbound.close();
  }

  @BeforeEach
  void startServer() throws IOException {
    server = new FeedServer().serve(HOSTS);
  }

  @AfterEach
  void stop() {
    if (sinkhole != null) {
      sinkhole.close();
    }
    server.close();
  }

  private String yaml(String url, String extra) {
    return "feeds:\n  - name: remote\n    url: \"" + url + "\"\n    timeout_ms: 2000\n" + extra;
  }

  @Test
  void slowUrlFeed_doesNotHoldUpTheWatchedLocalFeed() throws Exception {
    String yaml =
        yaml(server.url("/hosts"), "    refresh: 1s\n    timeout_ms: 20000\n")
            + "  - name: local\n    path: local.txt\n    format: domains\n";
    sinkhole = RunningSinkhole.start(unbound.hostPort(), yaml, "local.txt", "first.example\n");
    // From now on every download takes 15 s; refreshes start every second.
    server.delay(15_000);
    Thread.sleep(1500);

    Files.writeString(sinkhole.dir().resolve("local.txt"), "first.example\nsecond.example\n");

    assertThat(
            io.sinkhole.testing.Poll.until(
                java.time.Duration.ofSeconds(6), () -> blocked(sinkhole, "second.example")))
        .as("local change picked up while a download hangs")
        .isTrue();
  }

  @Test
  void tricklingFeedServer_atFirstStart_doesNotHoldUpDnsOrHealth() throws Exception {
    server.trickle(20_000);
    long start = System.nanoTime();

    sinkhole =
        RunningSinkhole.start(
            unbound.hostPort(),
            yaml(server.url("/hosts"), "").replace("timeout_ms: 2000", "timeout_ms: 500"));

    assertThat((System.nanoTime() - start) / 1_000_000).isLessThan(5000L);
    assertThat(sinkhole.http("/healthz")).isEqualTo("ok\n");
    assertThat(blocked(sinkhole, "www.zone.example")).isFalse();
    assertThat(sinkhole.metric("sinkhole_feed_failures_total{feed=\"remote\",reason=\"timeout\"}"))
        .isEqualTo(1.0);
  }

  @Test
  void http500_keepsBlockingAndCountsFailure() throws Exception {
    sinkhole = RunningSinkhole.start(unbound.hostPort(), yaml(server.url("/hosts"), ""));

    server.failWith(500);
    String summary = sinkhole.post("/admin/reload");

    assertThat(summary).contains("remote: failed (http): HTTP status 500");
    assertThat(blocked(sinkhole, "c2-two.example")).isTrue();
    assertThat(sinkhole.metric("sinkhole_feed_failures_total{feed=\"remote\",reason=\"http\"}"))
        .isEqualTo(1.0);
  }

  @Test
  void notModified_keepsSetAndSendsValidators() throws Exception {
    sinkhole = RunningSinkhole.start(unbound.hostPort(), yaml(server.url("/hosts"), ""));

    String summary = sinkhole.post("/admin/reload");

    assertThat(summary).contains("remote: kept, not modified");
    assertThat(server.requests())
        .containsExactly("- -", server.etag() + " Sun, 12 Apr 2026 08:00:00 GMT");
    assertThat(blocked(sinkhole, "c2-one.example")).isTrue();
    assertThat(sinkhole.metric("sinkhole_feed_reloads_total{feed=\"remote\",result=\"kept\"}"))
        .isEqualTo(1.0);
    assertThat(sinkhole.metric("sinkhole_feed_last_success_timestamp_seconds{feed=\"remote\"}"))
        .isCloseTo(System.currentTimeMillis() / 1000.0, within(60.0));
  }

  @Test
  void slowServer_timesOutAndKeepsBlocking() throws Exception {
    sinkhole =
        RunningSinkhole.start(
            unbound.hostPort(),
            yaml(server.url("/hosts"), "").replace("timeout_ms: 2000", "timeout_ms: 300"));

    server.serve("0.0.0.0 other.example\n").delay(1500);
    String summary = sinkhole.post("/admin/reload");

    assertThat(summary).contains("remote: failed (timeout)");
    assertThat(blocked(sinkhole, "c2-one.example")).isTrue();
  }

  @Test
  void restartWithUrlUnreachable_blocksFromSavedCopy() throws Exception {
    Path state = Files.createTempDirectory("sinkhole-state");
    String yaml = yaml(server.url("/hosts"), "state_dir: \"" + state + "\"\n");
    RunningSinkhole.start(unbound.hostPort(), yaml).close();
    server.close();

    sinkhole = RunningSinkhole.start(unbound.hostPort(), yaml);

    assertThat(blocked(sinkhole, "c2-one.example")).isTrue();
    assertThat(Files.readString(state.resolve("remote.feed"))).isEqualTo(HOSTS);
  }

  @Test
  void refreshInterval_downloadsNewContentsWithoutRestart() throws Exception {
    sinkhole =
        RunningSinkhole.start(unbound.hostPort(), yaml(server.url("/hosts"), "    refresh: 1s\n"));
    assertThat(blocked(sinkhole, "c2-three.example")).isFalse();

    server.serve(HOSTS + "0.0.0.0 c2-three.example\n");

    assertThat(Poll.until(Duration.ofSeconds(5), () -> blocked(sinkhole, "c2-three.example")))
        .isTrue();
  }
}

package io.sinkhole.source;

import static org.assertj.core.api.Assertions.assertThat;

import io.sinkhole.testing.Poll;
import io.sinkhole.testing.RunningSinkhole;
import io.sinkhole.testing.UnboundUpstream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Type;

/** Local feed files changing under the running server (issue #3, sources and reloads). */
class FileFeedReloadTest {
  private static final String FEED =
      "feeds:\n  - name: local\n    path: iocs/local.txt\n    format: domains\n";
  private static final String FOUR_NAMES =
      "# local list\nbad-one.example\nbad-two.example\nbad-three.example\nbad-four.example\n";

  static UnboundUpstream unbound;
  RunningSinkhole sinkhole;

  @BeforeAll
  static void startUpstream() throws IOException {
    unbound = UnboundUpstream.start();
  }

  @AfterAll
  static void stopUpstream() {
    unbound.close();
  }

  @AfterEach
  void stop() {
    if (sinkhole != null) {
      sinkhole.close();
    }
  }

  private Path start(String names) throws Exception {
    sinkhole = RunningSinkhole.start(unbound.hostPort(), FEED, "iocs/local.txt", names);
    return sinkhole.dir().resolve("iocs/local.txt");
  }

  static boolean blocked(RunningSinkhole s, String name) throws IOException {
    return s.probe().query(name, Type.A).getRcode() == Rcode.NXDOMAIN;
  }

  @Test
  void feedReplacedByGarbage_keepsBlockingAndCountsFailure() throws Exception {
    Path feed = start(FOUR_NAMES);

    Files.writeString(feed, "<html>\n<body>502 Bad Gateway</body>\n</html>\n");
    String summary = sinkhole.post("/admin/reload");

    assertThat(summary).contains("local: failed (problems)");
    assertThat(blocked(sinkhole, "bad-three.example")).isTrue();
    assertThat(sinkhole.metric("sinkhole_feed_failures_total{feed=\"local\",reason=\"problems\"}"))
        .isEqualTo(1.0);
    assertThat(sinkhole.metric("sinkhole_ioc_indicators{feed=\"local\",type=\"domain\"}"))
        .isEqualTo(4.0);
  }

  @Test
  void nameAppendedToWatchedFile_isBlockedWithoutRestart() throws Exception {
    Path feed = start(FOUR_NAMES);
    assertThat(blocked(sinkhole, "bad-five.example")).isFalse();

    Files.writeString(feed, "bad-five.example\n", StandardOpenOption.APPEND);

    assertThat(Poll.until(Duration.ofSeconds(5), () -> blocked(sinkhole, "bad-five.example")))
        .isTrue();
    // The first load at startup counts too.
    assertThat(sinkhole.metric("sinkhole_feed_reloads_total{feed=\"local\",result=\"ok\"}"))
        .isEqualTo(2.0);
  }

  @Test
  void adminReload_picksUpChangeTheWatcherCannotSee() throws Exception {
    Path feed = start(FOUR_NAMES);
    rewriteUnnoticed(feed, FOUR_NAMES.replace("bad-four", "bad-nine"));

    String summary = sinkhole.post("/admin/reload");

    assertThat(summary).contains("local: ok, 4 indicators (domain 4)");
    assertThat(blocked(sinkhole, "bad-nine.example")).isTrue();
    assertThat(blocked(sinkhole, "bad-four.example")).isFalse();
  }

  @Test
  void sighup_reloadsFeeds() throws Exception {
    Path feed = start(FOUR_NAMES);
    Runnable probe = () -> {};
    // Without our handler, SIGHUP would start the JVM's shutdown: only send it when installed.
    assertThat(HangupSignal.listen(probe)).isTrue();
    HangupSignal.remove(probe);
    rewriteUnnoticed(feed, FOUR_NAMES.replace("bad-four", "bad-nine"));

    long pid = ProcessHandle.current().pid();
    assertThat(new ProcessBuilder("kill", "-HUP", Long.toString(pid)).start().waitFor()).isZero();

    assertThat(Poll.until(Duration.ofSeconds(5), () -> blocked(sinkhole, "bad-nine.example")))
        .isTrue();
    assertThat(blocked(sinkhole, "bad-four.example")).isFalse();
  }

  @Test
  void feedShrinkingMoreThanMaxShrink_keepsLastGoodContents() throws Exception {
    Path feed = start(FOUR_NAMES);

    Files.writeString(feed, "bad-one.example\n");
    String summary = sinkhole.post("/admin/reload");

    assertThat(summary).contains("local: failed (shrink): shrank from 4 to 1 indicators");
    assertThat(blocked(sinkhole, "bad-four.example")).isTrue();
    assertThat(sinkhole.metric("sinkhole_feed_reloads_total{feed=\"local\",result=\"failed\"}"))
        .isEqualTo(1.0);
  }

  /**
   * Rewrites the file in place with content of the same size and restores its modification time, so
   * the watcher's signature does not change and only an explicit reload reads it.
   */
  private static void rewriteUnnoticed(Path feed, String content) throws IOException {
    FileTime before = Files.getLastModifiedTime(feed);
    assertThat(content).hasSameSizeAs(Files.readString(feed));
    Files.writeString(feed, content, StandardOpenOption.TRUNCATE_EXISTING);
    Files.setLastModifiedTime(feed, before);
  }
}

package io.sinkhole.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Where a feed comes from: {@code path} or {@code url}, refresh, timeout and shrink limit. */
class FeedSourceConfigTest {
  @TempDir Path dir;

  private SinkholeConfig load(String feedLines) throws Exception {
    Path f = dir.resolve("sinkhole.yaml");
    Files.writeString(f, "feeds:\n  - name: remote\n" + feedLines);
    return ConfigLoader.load(f, Overrides.NONE);
  }

  @Test
  void urlFeed_takesRefreshAsDurationAndDefaultsTheRest() throws Exception {
    FeedConfig feed =
        load("    url: https://feeds.example/hosts.txt\n    refresh: 15m\n").feeds().get(0);

    assertThat(feed.refreshSeconds()).isEqualTo(900);
    assertThat(feed.timeoutMs()).isEqualTo(10_000);
    assertThat(feed.maxShrink()).isEqualTo(0.5);
  }

  @Test
  void refreshInPlainSeconds_isAccepted() throws Exception {
    assertThat(
            load("    url: http://feeds.example/x\n    refresh: 7200\n")
                .feeds()
                .get(0)
                .refreshSeconds())
        .isEqualTo(7200);
  }

  @Test
  void feedWithBothPathAndUrl_isRejectedWithItsLine() {
    assertThatThrownBy(() -> load("    path: x.txt\n    url: https://feeds.example/x\n"))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("line 2")
        .hasMessageContaining("either a path or a url");
  }

  @Test
  void unsupportedScheme_badRefreshAndShrinkAboveOne_areRejected() {
    assertThatThrownBy(() -> load("    url: ftp://feeds.example/x\n"))
        .hasMessageContaining("http:// or https://");
    assertThatThrownBy(() -> load("    url: https://feeds.example/x\n    refresh: soon\n"))
        .hasMessageContaining("refresh must be a duration");
    assertThatThrownBy(() -> load("    url: https://feeds.example/x\n    max_shrink: 1.5\n"))
        .hasMessageContaining("max_shrink must be 0-1");
  }

  @Test
  void stateDir_defaultsToVarFeeds() throws Exception {
    assertThat(load("    path: x.txt\n").stateDir()).isEqualTo(Path.of("var", "feeds"));
  }
}

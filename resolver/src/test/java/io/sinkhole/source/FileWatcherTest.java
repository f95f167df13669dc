package io.sinkhole.source;

import static org.assertj.core.api.Assertions.assertThat;

import io.sinkhole.config.FeedConfig;
import io.sinkhole.config.SinkholeConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileWatcherTest {
  @TempDir Path dir;

  private final FileWatcher watcher = new FileWatcher();

  private FeedState watched(String content) throws Exception {
    Path file = dir.resolve("local.txt");
    Files.writeString(file, content);
    FeedConfig feed = new FeedConfig("local", file, "domains", SinkholeConfig.Action.BLOCK);
    FeedState s = new FeedState(0, feed, new LocalFileSource(file));
    FeedUpdate.run(s, false, 0);
    return s;
  }

  @Test
  void changedFile_isReportedOnlyOnceItHasSettled() throws Exception {
    FeedState s = watched("bad-one.example\n");
    Files.writeString(dir.resolve("local.txt"), "bad-one.example\nbad-two.example\n");

    assertThat(watcher.poll(List.of(s), 10_000)).isEmpty();
    assertThat(watcher.poll(List.of(s), 10_500)).isEmpty();
    assertThat(watcher.poll(List.of(s), 11_000)).containsExactly(s);
  }

  @Test
  void fileStillBeingWritten_restartsTheSettleTime() throws Exception {
    FeedState s = watched("bad-one.example\n");
    Path file = dir.resolve("local.txt");

    Files.writeString(file, "bad-one.example\nbad-tw");
    assertThat(watcher.poll(List.of(s), 10_000)).isEmpty();
    Files.writeString(file, "bad-one.example\nbad-two.example\n");
    assertThat(watcher.poll(List.of(s), 10_900)).isEmpty();
    assertThat(watcher.poll(List.of(s), 11_800)).isEmpty();

    assertThat(watcher.poll(List.of(s), 11_900)).containsExactly(s);
  }

  @Test
  void unchangedFile_isNotReported_andConfirmsTheFeed() throws Exception {
    FeedState s = watched("bad-one.example\n");

    assertThat(watcher.poll(List.of(s), 50_000)).isEmpty();
    assertThat(watcher.poll(List.of(s), 60_000)).isEmpty();
    assertThat(s.lastSuccessMillis()).isEqualTo(60_000);
  }
}

package io.sinkhole.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.sinkhole.feed.FeedFormat;
import io.sinkhole.feed.FeedReader;
import io.sinkhole.feed.ParseNotes;
import io.sinkhole.ioc.FeedEntries;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FeedGuardTest {
  @Test
  void firstLoad_isAcceptedWhateverItHolds() {
    assertThatCode(() -> FeedGuard.check(null, parse(0, 5), 0.5)).doesNotThrowAnyException();
  }

  @Test
  void shrinkByHalf_isAccepted_shrinkByMore_isRefused() {
    assertThatCode(() -> FeedGuard.check(parse(10, 0), parse(5, 0), 0.5))
        .doesNotThrowAnyException();

    assertThat(reasonOf(parse(10, 0), parse(4, 0), 0.5)).isEqualTo("shrink");
  }

  @Test
  void emptyResult_isRefusedUnlessMaxShrinkIsOne() throws Exception {
    assertThat(reasonOf(parse(3, 0), parse(0, 0), 0.9)).isEqualTo("empty");

    FeedGuard.check(parse(3, 0), parse(0, 0), 1.0);
  }

  @Test
  void moreProblemsThanIndicators_isRefused() {
    assertThat(reasonOf(parse(3, 0), parse(3, 4), 1.0)).isEqualTo("problems");
  }

  // Only the first 1000 problems are listed; the guard must count the rest as well.
  @Test
  void garbageFeed_withMoreProblemsThanTheListedOnes_isRefused(@TempDir Path dir) throws Exception {
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < 1500; i++) {
      text.append("0.0.0.0 ads").append(i).append(".example\n");
    }
    text.append("<p>captive portal</p>\n".repeat(3000));
    Path file = dir.resolve("hosts.txt");
    Files.writeString(file, text);
    FeedEntries.Builder entries = FeedEntries.builder(1 << 16);
    ParseNotes notes = FeedReader.read(file, FeedFormat.HOSTS, entries);
    FeedContents next = new FeedContents(entries.build(), notes, FeedFormat.HOSTS, file, 0);

    assertThat(reasonOf(parse(1500, 0), FeedGuard.Tally.of(next), 1.0)).isEqualTo("problems");
  }

  @Test
  void growth_isAccepted() {
    assertThatCode(() -> FeedGuard.check(parse(3, 0), parse(300, 2), 0.0))
        .doesNotThrowAnyException();
  }

  private static String reasonOf(FeedGuard.Tally last, FeedGuard.Tally next, double maxShrink) {
    return catchThrowableOfType(
            FeedRejectedException.class, () -> FeedGuard.check(last, next, maxShrink))
        .reason();
  }

  private static FeedGuard.Tally parse(int indicators, int problems) {
    return new FeedGuard.Tally(indicators, problems);
  }
}

package io.sinkhole.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import org.junit.jupiter.api.Test;

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

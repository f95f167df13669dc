package io.sinkhole.feed;

import io.sinkhole.ioc.Indicator;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Collects what one parse produced.
 *
 * <p>At most {@link #MAX_LISTED_PROBLEMS} problems are kept with their line; the rest are only
 * counted under {@link #UNLISTED_PROBLEMS} in the skipped map. A feed that turned into garbage (a
 * captive portal page, a wrong URL) would otherwise cost one object per line.
 */
final class ResultBuilder {
  static final int MAX_LISTED_PROBLEMS = 1000;
  static final String UNLISTED_PROBLEMS = "unlisted problems";

  private final List<Indicator> indicators = new ArrayList<>();
  private final List<FeedProblem> problems = new ArrayList<>();
  private final Map<String, Integer> skipped = new TreeMap<>();

  void add(Indicator indicator) {
    indicators.add(indicator);
  }

  void problem(int line, String reason, String text) {
    if (problems.size() < MAX_LISTED_PROBLEMS) {
      problems.add(new FeedProblem(line, reason, Excerpts.of(text)));
    } else {
      skip(UNLISTED_PROBLEMS);
    }
  }

  void skip(String reason) {
    skipped.merge(reason, 1, Integer::sum);
  }

  ParseResult build() {
    return new ParseResult(indicators, problems, skipped);
  }
}

package io.sinkhole.feed;

import io.sinkhole.ioc.Indicator;
import java.util.List;
import java.util.Map;

/**
 * What a parser read from one feed.
 *
 * @param indicators every usable entry, in file order (hash indicators are not included)
 * @param problems lines that could not be used, with their line numbers
 * @param skipped counts of entries deliberately not loaded, by reason (for example {@code hash})
 */
public record ParseResult(
    List<Indicator> indicators, List<FeedProblem> problems, Map<String, Integer> skipped) {

  public ParseResult {
    indicators = List.copyOf(indicators);
    problems = List.copyOf(problems);
    skipped = Map.copyOf(skipped);
  }
}

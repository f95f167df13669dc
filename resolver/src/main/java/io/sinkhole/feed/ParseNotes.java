package io.sinkhole.feed;

import java.util.List;
import java.util.Map;

/**
 * What a parser noted besides the indicators it emitted into its sink.
 *
 * @param problems lines that could not be used, with their line numbers
 * @param skipped counts of entries deliberately not loaded, by reason (for example {@code hash})
 */
public record ParseNotes(List<FeedProblem> problems, Map<String, Integer> skipped) {

  public ParseNotes {
    problems = List.copyOf(problems);
    skipped = Map.copyOf(skipped);
  }

  /** Every problem found: the listed ones and those only counted past the listing cap. */
  public int problemCount() {
    return problems.size() + skipped.getOrDefault(ResultBuilder.UNLISTED_PROBLEMS, 0);
  }
}

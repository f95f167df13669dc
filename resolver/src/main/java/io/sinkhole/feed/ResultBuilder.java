package io.sinkhole.feed;

import io.sinkhole.ioc.Indicator;
import io.sinkhole.ioc.IndicatorSink;
import io.sinkhole.ioc.MatchScope;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Passes one parse's indicators on to its sink and collects the problems and skip counts.
 *
 * <p>At most {@link #MAX_LISTED_PROBLEMS} problems are kept with their line; the rest are only
 * counted under {@link #UNLISTED_PROBLEMS} in the skipped map. A feed that turned into garbage (a
 * captive portal page, a wrong URL) would otherwise cost one object per line.
 */
final class ResultBuilder {
  static final int MAX_LISTED_PROBLEMS = 1000;
  static final String UNLISTED_PROBLEMS = "unlisted problems";

  private final IndicatorSink sink;
  private final List<FeedProblem> problems = new ArrayList<>();
  private final Map<String, Integer> skipped = new TreeMap<>();

  ResultBuilder(IndicatorSink sink) {
    this.sink = sink;
  }

  void add(Indicator indicator) {
    sink.add(indicator);
  }

  /** A plain domain already in wire form (see {@link IndicatorSink#addName}). */
  void addName(byte[] wire, int length, MatchScope scope, int line) {
    sink.addName(wire, length, scope, line);
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

  ParseNotes build() {
    return new ParseNotes(problems, skipped);
  }
}

package io.sinkhole.source;

import io.sinkhole.feed.FeedFormat;
import io.sinkhole.feed.FeedProblem;
import io.sinkhole.ioc.IndicatorType;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * What loading one feed produced, for the startup log, {@code sinkhole validate} and metrics.
 *
 * @param name the feed's configured name
 * @param path the file read
 * @param format the format used (detected or configured)
 * @param loaded indicators loaded, by type
 * @param skipped entries deliberately not loaded, by reason
 * @param problems lines that could not be used
 * @param millis time spent reading and parsing
 */
public record FeedReport(
    String name,
    Path path,
    FeedFormat format,
    Map<IndicatorType, Integer> loaded,
    Map<String, Integer> skipped,
    List<FeedProblem> problems,
    long millis) {

  public int total() {
    return loaded.values().stream().mapToInt(Integer::intValue).sum();
  }

  /** The loaded counts as text, such as {@code domain 647, url 114}; {@code none} when empty. */
  public String loadedByType() {
    return FeedLog.byType(loaded);
  }
}

package io.sinkhole.fuzz;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import io.sinkhole.feed.FeedFormat;
import java.io.ByteArrayInputStream;
import java.io.IOException;

/**
 * Coverage-guided fuzzing of every feed parser ({@link FeedFormat#values()}) and of format
 * detection: feeds come from third parties, so no content may crash a parser. An IOException is the
 * documented way to say "not this format"; anything else thrown is a finding.
 */
class FeedParsersFuzzTest {
  @FuzzTest(maxDuration = "30s")
  void everyFeedParser(FuzzedDataProvider data) {
    FeedFormat format = data.pickValue(FeedFormat.values());
    byte[] content = data.consumeRemainingAsBytes();
    FeedFormat.detect(content);
    try {
      format.parser().parse(new ByteArrayInputStream(content));
    } catch (IOException e) {
      // not this format: the loader reports it per feed
    }
  }
}

package io.sinkhole.feed;

import io.sinkhole.ioc.Directive;
import io.sinkhole.ioc.Indicator;
import io.sinkhole.ioc.IndicatorSink;
import io.sinkhole.ioc.IndicatorType;
import io.sinkhole.ioc.MatchScope;
import io.sinkhole.ioc.ThreatInfo;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Reads the string literals of every {@code dynamic([...])} list in a KQL query, as hunting queries
 * publish IOCs ({@code let bad = dynamic(["a.example", "192.0.2.1"]);}). Lists may span lines;
 * everything outside them is ignored. Each value is classified by its shape (see {@link Values});
 * hashes are counted as skipped. The whole query is held in memory: such files are small, and a
 * list may span any number of lines.
 */
final class KqlListParser implements FeedParser {
  private static final String DYNAMIC = "dynamic";

  @Override
  public ParseNotes parse(InputStream in, IndicatorSink sink) throws IOException {
    String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    ResultBuilder out = new ResultBuilder(sink);
    KqlScanner scanner = new KqlScanner(text);
    for (int at = text.indexOf(DYNAMIC); at >= 0; at = text.indexOf(DYNAMIC, at + 1)) {
      int open = scanner.listStart(at + DYNAMIC.length());
      if (open >= 0) {
        at = scanner.readList(open, (value, line) -> add(value, line, out));
      }
    }
    return out.build();
  }

  private static void add(String raw, int line, ResultBuilder out) {
    Values.Classified value = Values.classify(Defang.refang(raw));
    if (value == null) {
      out.problem(line, "invalid value", raw);
    } else if (value.type() == IndicatorType.HASH) {
      out.skip("hash");
    } else {
      out.add(
          new Indicator(
              value.type(),
              value.value(),
              ThreatInfo.NONE,
              MatchScope.FEED_DEFAULT,
              Directive.DEFAULT,
              List.of(),
              line));
    }
  }
}

package io.sinkhole.feed;

import static org.assertj.core.api.Assertions.assertThat;

import io.sinkhole.ioc.Indicator;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The byte fast path of the line parsers must give exactly what the string path gives: the same
 * indicators with the same lines, the same problems and skip counts (issue #5 added the fast path;
 * the string path is the reference).
 */
class LineFeedParserTest {
  private static final String[] PIECES = {
    "a",
    "B",
    "0",
    "9",
    "-",
    "_",
    ".",
    "..",
    "*.",
    "*",
    "#",
    "!",
    " ",
    "\t",
    "\u000b",
    "\f",
    "\u0000",
    "\u00e9",
    "\u00fc",
    "xn--",
    "localhost",
    "ip6-",
    "0.0.0.0 ",
    "127.0.0.1 ",
    "::1 ",
    "192.0.2.1 ",
    "example",
    "com",
    "123",
    "\ufeff",
    "\ud83d\ude00",
    "\r",
    "\n",
    "\r\n",
    "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa",
    "%lo0 "
  };

  private static final String[] LABELS = {
    "localhost",
    "localdomain",
    "localhost4",
    "ip6-localhost",
    "local",
    "a",
    "B-x",
    "_srv",
    "123",
    "0",
    "xn--bcher-kva",
    "b\u00fccher",
    "",
    "a\u0000b",
    "*",
    "example",
    "COM",
    "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"
  };

  @Test
  void randomLines_hostsFastPath_givesWhatTheStringPathGives() throws IOException {
    assertSamePathsOnRandomFeeds(FeedFormat.HOSTS, 7);
  }

  @Test
  void randomLines_domainListFastPath_givesWhatTheStringPathGives() throws IOException {
    assertSamePathsOnRandomFeeds(FeedFormat.DOMAINS, 11);
  }

  @Test
  void typicalLines_takeTheFastPath() {
    byte[] wire = new byte[256];
    ResultBuilder out = new ResultBuilder(ind -> {});

    assertThat(fast(FeedFormat.HOSTS, "0.0.0.0 ads.example.com", wire, out)).isTrue();
    assertThat(fast(FeedFormat.HOSTS, "127.0.0.1\tA.example  b.example # x", wire, out)).isTrue();
    assertThat(fast(FeedFormat.DOMAINS, "  *.Tracker.example.", wire, out)).isTrue();
    assertThat(fast(FeedFormat.HOSTS, "127.0.0.1 localhost", wire, out)).isFalse();
    assertThat(fast(FeedFormat.DOMAINS, "b\u00fccher.example", wire, out)).isFalse();
  }

  @Test
  void lineEndings_andByteOrderMark_splitAsTheReaderSplitsThem() throws IOException {
    String text = "\ufeffa.example\r\nb.example\rc.example\n\nd.example\r";

    assertThat(bytePath(FeedFormat.DOMAINS, text)).isEqualTo(stringPath(FeedFormat.DOMAINS, text));
    assertThat(bytePath(FeedFormat.DOMAINS, text).indicators()).hasSize(4);
  }

  private static void assertSamePathsOnRandomFeeds(FeedFormat format, long seed)
      throws IOException {
    Random random = new Random(seed);
    for (int feed = 0; feed < 300; feed++) {
      String text = randomFeed(random, format);
      assertThat(bytePath(format, text)).as("feed %s", text).isEqualTo(stringPath(format, text));
    }
  }

  private static String randomFeed(Random random, FeedFormat format) {
    StringBuilder text = new StringBuilder();
    for (int line = 0; line < 40; line++) {
      if (format == FeedFormat.HOSTS && random.nextInt(4) > 0) {
        text.append(random.nextBoolean() ? "0.0.0.0 " : "127.0.0.1\t");
      }
      if (random.nextBoolean()) {
        text.append(randomNames(random)).append('\n');
        continue;
      }
      int pieces = random.nextInt(8);
      for (int i = 0; i < pieces; i++) {
        text.append(PIECES[random.nextInt(PIECES.length)]);
      }
      text.append(random.nextInt(3) == 0 ? ".example" : "").append('\n');
    }
    return text.toString();
  }

  /** One to three names made of whole labels, the shape most feed lines have. */
  private static String randomNames(Random random) {
    StringBuilder names = new StringBuilder();
    for (int n = random.nextInt(random.nextInt(4) == 0 ? 3 : 1); n >= 0; n--) {
      for (int labels = 1 + random.nextInt(4); labels > 0; labels--) {
        names.append(LABELS[random.nextInt(LABELS.length)]).append(labels > 1 ? "." : "");
      }
      names.append(random.nextInt(8) == 0 ? ". " : " ");
    }
    return random.nextInt(6) == 0 ? names + "# comment" : names.toString();
  }

  private static boolean fast(FeedFormat format, String line, byte[] wire, ResultBuilder out) {
    byte[] b = line.getBytes(StandardCharsets.UTF_8);
    return ((LineFeedParser) format.parser()).fastLine(b, 0, b.length, 1, wire, out);
  }

  private static ParseResult bytePath(FeedFormat format, String text) throws IOException {
    byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
    return format.parser().parse(new ByteArrayInputStream(bytes));
  }

  /** The lines read as strings by {@link LineReader} and given to {@code line()} alone. */
  private static ParseResult stringPath(FeedFormat format, String text) throws IOException {
    LineFeedParser parser = (LineFeedParser) format.parser();
    List<Indicator> indicators = new ArrayList<>();
    ResultBuilder out = new ResultBuilder(indicators::add);
    LineReader lines =
        new LineReader(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)));
    for (String line = lines.next(); line != null; line = lines.next()) {
      parser.line(line, lines.number(), out);
    }
    ParseNotes notes = out.build();
    return new ParseResult(indicators, notes.problems(), notes.skipped());
  }
}

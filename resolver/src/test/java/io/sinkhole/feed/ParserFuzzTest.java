package io.sinkhole.feed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import io.sinkhole.ioc.Indicator;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Feeds format detection and every parser seeded random bytes and mutations of real feed lines.
 * Text parsers must never throw; JSON parsers may only throw IOException (content that is not
 * JSON). Whatever comes back must respect the contract: excerpts short and free of control
 * characters.
 */
class ParserFuzzTest {
  private static final long SEED = Long.getLong("fuzz.seed", 20260412L);
  private static final int ROUNDS = Integer.getInteger("fuzz.rounds", 2000);
  private static final Set<FeedFormat> JSON_FORMATS =
      EnumSet.of(FeedFormat.THREATFOX_JSON, FeedFormat.STIX, FeedFormat.MISP_WARNINGLIST);
  private static final String[] TOKENS = {
    "(",
    ")",
    "[",
    "]",
    "{",
    "}",
    "\"",
    "'",
    "\\",
    "$",
    "||",
    "^",
    "|",
    "@@",
    "dynamic([",
    ";",
    "#",
    "!",
    "\u0000",
    "\r",
    "\n",
    "%",
    "::",
    "*.",
    ".",
    "/",
    ":",
    "rpz-ip",
    "CNAME",
    "$ORIGIN",
    "[.]",
    "hxxp",
    "\uFEFF",
    "\u202e",
    "\uD800",
    "é",
    "ß.example",
    " OR ",
    "',",
    "=",
    "---",
  };

  @Test
  void everyParser_survivesRandomAndMutatedInput() throws IOException {
    Random random = new Random(SEED);
    List<String> seeds = seedLines();
    for (int round = 0; round < ROUNDS; round++) {
      byte[] input = round % 5 == 0 ? randomBytes(random) : mutate(seeds, random);
      FeedFormat.detect(input);
      for (FeedFormat format : FeedFormat.values()) {
        check(format, input);
      }
    }
  }

  private static void check(FeedFormat format, byte[] input) {
    try {
      ParseResult result = format.parser().parse(new ByteArrayInputStream(input));
      assertContract(result);
    } catch (IOException e) {
      if (!JSON_FORMATS.contains(format)) {
        fail(format + " threw on " + HexFormat.of().formatHex(input), e);
      }
    } catch (RuntimeException e) {
      fail(format + " threw on " + HexFormat.of().formatHex(input), e);
    }
  }

  private static void assertContract(ParseResult result) {
    for (FeedProblem problem : result.problems()) {
      assertThat(problem.excerpt().length()).isLessThanOrEqualTo(Excerpts.MAX_LENGTH);
      assertThat(problem.excerpt().chars()).noneMatch(Character::isISOControl);
      assertThat(problem.line()).isNotNegative();
    }
    for (Indicator indicator : result.indicators()) {
      assertThat(indicator.value()).isNotEmpty();
    }
  }

  private static byte[] randomBytes(Random random) {
    byte[] bytes = new byte[random.nextInt(600)];
    random.nextBytes(bytes);
    return bytes;
  }

  private static byte[] mutate(List<String> seeds, Random random) {
    StringBuilder text = new StringBuilder();
    int lines = 1 + random.nextInt(8);
    for (int i = 0; i < lines; i++) {
      text.append(seeds.get(random.nextInt(seeds.size())))
          .append(random.nextBoolean() ? "\n" : "\r\n");
    }
    int edits = random.nextInt(6);
    for (int i = 0; i < edits && text.length() > 0; i++) {
      edit(text, random);
    }
    byte[] bytes = text.toString().getBytes(StandardCharsets.UTF_8);
    if (bytes.length > 0 && random.nextInt(4) == 0) {
      bytes[random.nextInt(bytes.length)] = (byte) random.nextInt(256);
    }
    return random.nextInt(3) == 0 ? Arrays.copyOf(bytes, random.nextInt(bytes.length + 1)) : bytes;
  }

  private static void edit(StringBuilder text, Random random) {
    int at = random.nextInt(text.length());
    switch (random.nextInt(4)) {
      case 0 -> text.insert(at, TOKENS[random.nextInt(TOKENS.length)]);
      case 1 -> text.delete(at, Math.min(text.length(), at + 1 + random.nextInt(12)));
      case 2 ->
          text.insert(at, text.substring(at, Math.min(text.length(), at + random.nextInt(40))));
      default -> text.setCharAt(at, (char) random.nextInt(0x3000));
    }
  }

  /** The first lines of every real feed, plus fixtures for the formats with no real file. */
  private static List<String> seedLines() throws IOException {
    List<String> seeds =
        new ArrayList<>(
            List.of(
                "| Type | Value | Confidence | First Seen |",
                "|---|---|---|---|",
                "| domain | `a[.]example` | 90 | 2026-01-02 |",
                "| ip:port | [2001:db8::1]:443 | x | y |",
                "let d = dynamic([\"a.example\", '192.0.2.1', // c",
                "  \"hxxp://b[.]example/x\"]);",
                "$ORIGIN rpz.example.",
                "*.a.example CNAME *.",
                "24.0.2.0.192.rpz-ip CNAME rpz-passthru.",
                "128.1.zz.db8.2001.rpz-ip A 192.0.2.1",
                "x TXT \"a;b\" (",
                ")",
                "@@||a.example^$important",
                "{\"objects\": [{\"type\": \"indicator\", "
                    + "\"pattern\": \"[url:value = 'http://a.example']\"}]}"));
    try (var files = Files.list(TestData.sharedData())) {
      for (var file : (Iterable<java.nio.file.Path>) files.sorted()::iterator) {
        if (Files.isRegularFile(file)) {
          seeds.addAll(firstLines(file, 40));
        }
      }
    }
    return seeds;
  }

  private static List<String> firstLines(java.nio.file.Path file, int count) throws IOException {
    List<String> lines = new ArrayList<>();
    try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.ISO_8859_1)) {
      for (String line = reader.readLine(); line != null && lines.size() < count; ) {
        lines.add(line.length() > 300 ? line.substring(0, 300) : line);
        line = reader.readLine();
      }
    }
    return lines;
  }
}

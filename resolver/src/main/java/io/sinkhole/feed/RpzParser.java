package io.sinkhole.feed;

import io.sinkhole.ioc.IndicatorSink;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Reads RPZ zone files (draft-vixie-dnsop-dns-rpz) in master-file syntax (RFC 1035 section 5.1):
 * {@code ;} comments, {@code $ORIGIN} and {@code $TTL}, records whose owner is blank (same as the
 * previous one), and parentheses that let a record (usually the SOA) span lines. This class only
 * turns text into records; {@link RpzZone} decides what each record means.
 */
final class RpzParser implements FeedParser {
  private static final int MAX_JOINED_LINES = 100;

  @Override
  public ParseNotes parse(InputStream in, IndicatorSink sink) throws IOException {
    LineReader lines = new LineReader(in);
    ResultBuilder out = new ResultBuilder(sink);
    RpzZone zone = new RpzZone(out);
    StringBuilder joined = new StringBuilder();
    int depth = 0;
    int start = 0;
    for (String line = lines.next(); line != null; line = lines.next()) {
      String text = withoutComment(line);
      if (depth == 0) {
        start = lines.number();
        joined.setLength(0);
      }
      depth = Math.max(0, depth + parenthesesDelta(text));
      joined.append(text).append(' ');
      if (depth > 0 && lines.number() - start < MAX_JOINED_LINES) {
        continue;
      }
      record(joined.toString(), start, zone);
      depth = 0;
    }
    if (depth > 0) {
      out.problem(start, "unclosed parenthesis", joined.toString());
    }
    return zone.finish();
  }

  private static void record(String text, int line, RpzZone zone) {
    List<String> tokens = tokens(text.replace('(', ' ').replace(')', ' '));
    if (tokens.isEmpty()) {
      return;
    }
    if (tokens.get(0).startsWith("$")) {
      zone.directive(tokens.get(0).toUpperCase(Locale.ROOT), tokens, line, text);
      return;
    }
    boolean sameOwner = Tokens.isSpace(text.charAt(0));
    String owner = sameOwner ? null : tokens.get(0);
    int i = sameOwner ? 0 : 1;
    while (i < tokens.size() - 1 && (isTtl(tokens.get(i)) || isClass(tokens.get(i)))) {
      i++;
    }
    if (i >= tokens.size()) {
      zone.malformed(line, text);
      return;
    }
    String type = tokens.get(i).toUpperCase(Locale.ROOT);
    String rdata = String.join(" ", tokens.subList(i + 1, tokens.size()));
    zone.record(owner, type, rdata, line, text);
  }

  private static boolean isTtl(String token) {
    return Character.isDigit(token.charAt(0));
  }

  private static boolean isClass(String token) {
    String upper = token.toUpperCase(Locale.ROOT);
    return upper.equals("IN") || upper.equals("CH") || upper.equals("HS") || upper.equals("CS");
  }

  /** Drops a {@code ;} comment that is not inside a quoted string (TXT data may hold one). */
  static String withoutComment(String line) {
    boolean quoted = false;
    for (int i = 0; i < line.length(); i++) {
      char c = line.charAt(i);
      if (c == '"') {
        quoted = !quoted;
      } else if (c == ';' && !quoted) {
        return line.substring(0, i);
      }
    }
    return line;
  }

  private static int parenthesesDelta(String text) {
    int delta = 0;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      delta += c == '(' ? 1 : c == ')' ? -1 : 0;
    }
    return delta;
  }

  private static List<String> tokens(String text) {
    List<String> tokens = new ArrayList<>(6);
    int i = Tokens.skipSpaces(text, 0, text.length());
    while (i < text.length()) {
      int end = Tokens.tokenEnd(text, i, text.length());
      tokens.add(text.substring(i, end));
      i = Tokens.skipSpaces(text, end, text.length());
    }
    return tokens;
  }
}

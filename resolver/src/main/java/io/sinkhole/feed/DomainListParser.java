package io.sinkhole.feed;

import io.sinkhole.ioc.Directive;
import io.sinkhole.ioc.Indicator;
import io.sinkhole.ioc.IndicatorType;
import io.sinkhole.ioc.MatchScope;
import io.sinkhole.ioc.ThreatInfo;
import java.util.List;

/**
 * Reads plain lists: one name per line, {@code #} and {@code !} comments, blank lines. A leading
 * {@code *.} (used by several DNS block lists) means the names below only, as in RPZ.
 */
final class DomainListParser extends LineFeedParser {

  @Override
  boolean fastLine(byte[] b, int start, int end, int number, byte[] wire, ResultBuilder out) {
    int lineEnd = commentStart(b, start, end, '#');
    int i = skipSpaces(b, start, lineEnd);
    if (i == lineEnd || b[i] == '!') {
      return true;
    }
    int tokenEnd = tokenEnd(b, i, lineEnd);
    if (skipSpaces(b, tokenEnd, lineEnd) != lineEnd) {
      return false;
    }
    boolean below = tokenEnd - i >= 2 && b[i] == '*' && b[i + 1] == '.';
    int length = AsciiNames.toWire(b, below ? i + 2 : i, tokenEnd, wire);
    if (length < 0) {
      return false;
    }
    out.addName(wire, length, below ? MatchScope.SUBDOMAINS_ONLY : MatchScope.FEED_DEFAULT, number);
    return true;
  }

  @Override
  void line(String line, int number, ResultBuilder out) {
    int end = Tokens.commentStart(line, '#');
    int start = Tokens.skipSpaces(line, 0, end);
    if (start == end || line.charAt(start) == '!') {
      return;
    }
    int tokenEnd = Tokens.tokenEnd(line, start, end);
    if (Tokens.skipSpaces(line, tokenEnd, end) != end) {
      out.problem(number, "malformed line", line);
      return;
    }
    boolean below = line.startsWith("*.", start);
    String name = DomainNames.normalize(line.substring(below ? start + 2 : start, tokenEnd));
    if (name == null) {
      out.problem(number, "invalid name", line);
    } else if (below) {
      out.add(
          new Indicator(
              IndicatorType.DOMAIN,
              name,
              ThreatInfo.NONE,
              MatchScope.SUBDOMAINS_ONLY,
              Directive.DEFAULT,
              List.of(),
              number));
    } else {
      out.add(Indicator.domain(name, ThreatInfo.NONE, number));
    }
  }
}

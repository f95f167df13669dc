package io.sinkhole.feed;

import io.sinkhole.ioc.Directive;
import io.sinkhole.ioc.Indicator;
import io.sinkhole.ioc.IndicatorType;
import io.sinkhole.ioc.MatchScope;
import io.sinkhole.ioc.ThreatInfo;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** One IOC table of a markdown report: which column holds what, and how to read a row. */
final class MarkdownTable {
  private static final Map<String, String> HEADERS = headers();
  private static final Map<String, IndicatorType> TYPES = types();

  private final Map<String, Integer> columns;

  private MarkdownTable(Map<String, Integer> columns) {
    this.columns = columns;
  }

  /** The table for this header row, or null when it has no value column (not an IOC table). */
  static MarkdownTable of(List<String> headerCells) {
    Map<String, Integer> columns = new HashMap<>();
    for (int i = 0; i < headerCells.size(); i++) {
      String role = HEADERS.get(plain(headerCells.get(i)));
      if (role != null) {
        columns.putIfAbsent(role, i);
      }
    }
    return columns.containsKey("value") ? new MarkdownTable(columns) : null;
  }

  void row(List<String> cells, int line, ResultBuilder out) {
    String raw = cell(cells, "value");
    if (raw == null) {
      out.problem(line, "malformed line", String.join("|", cells));
      return;
    }
    String value = Defang.refang(raw);
    String type = cell(cells, "type");
    IndicatorType declared = type == null ? null : TYPES.get(plain(type));
    if (type != null && declared == null) {
      out.problem(line, "unknown type", type);
      return;
    }
    Values.Classified classified =
        declared == null ? Values.classify(value) : Values.classifyAs(declared, value);
    if (classified == null) {
      out.problem(line, declared == IndicatorType.DOMAIN ? "invalid name" : "invalid value", raw);
    } else if (classified.type() == IndicatorType.HASH) {
      out.skip("hash");
    } else {
      out.add(
          new Indicator(
              classified.type(),
              classified.value(),
              threat(cells, line, out),
              MatchScope.FEED_DEFAULT,
              Directive.DEFAULT,
              List.of(),
              line));
    }
  }

  private ThreatInfo threat(List<String> cells, int line, ResultBuilder out) {
    return new ThreatInfo(
        cell(cells, "threat"),
        cell(cells, "malware"),
        ThreatFields.confidence(cell(cells, "confidence"), line, out),
        ThreatFields.instant(cell(cells, "first"), line, out),
        ThreatFields.instant(cell(cells, "last"), line, out),
        null,
        cell(cells, "reference"),
        ThreatFields.tags(cell(cells, "tags")));
  }

  private String cell(List<String> cells, String role) {
    Integer index = columns.get(role);
    if (index == null || index >= cells.size()) {
      return null;
    }
    String text = cells.get(index).trim();
    return text.isEmpty() || text.equals("-") ? null : text;
  }

  /** Lower-case text without emphasis or code marks, for matching headers and type names. */
  private static String plain(String cell) {
    StringBuilder out = new StringBuilder(cell.length());
    for (int i = 0; i < cell.length(); i++) {
      char c = cell.charAt(i);
      if (c != '*' && c != '`') {
        out.append(c == '_' ? ' ' : Character.toLowerCase(c));
      }
    }
    return out.toString().trim();
  }

  private static Map<String, String> headers() {
    Map<String, String> roles = new HashMap<>();
    putAll(
        roles, "value", "value", "indicator", "ioc", "ioc value", "observable", "indicator value");
    putAll(roles, "type", "type", "ioc type", "indicator type", "kind");
    putAll(roles, "threat", "threat type", "threat");
    putAll(roles, "malware", "malware", "malware family", "family");
    putAll(roles, "first", "first seen", "first seen utc");
    putAll(roles, "last", "last seen", "last seen utc");
    putAll(roles, "confidence", "confidence", "confidence level");
    putAll(roles, "reference", "reference", "source");
    putAll(roles, "tags", "tags", "tag");
    return Map.copyOf(roles);
  }

  private static Map<String, IndicatorType> types() {
    Map<String, IndicatorType> types = new HashMap<>();
    putAll(types, IndicatorType.DOMAIN, "domain", "hostname", "host", "fqdn", "domain-name");
    putAll(types, IndicatorType.URL, "url", "uri");
    putAll(
        types,
        IndicatorType.IP,
        "ip",
        "ipv4",
        "ipv6",
        "ip address",
        "ip-dst",
        "ip-src",
        "ipv4-addr",
        "ipv6-addr",
        "cidr");
    putAll(types, IndicatorType.IP_PORT, "ip:port", "ip-port", "ip port");
    putAll(
        types,
        IndicatorType.HASH,
        "hash",
        "md5",
        "sha1",
        "sha-1",
        "sha256",
        "sha-256",
        "sha512",
        "md5 hash",
        "sha1 hash",
        "sha256 hash",
        "file hash");
    return Map.copyOf(types);
  }

  private static <V> void putAll(Map<String, V> map, V value, String... keys) {
    for (String key : keys) {
      map.put(key, value);
    }
  }

  /** Cells of a pipe row; a backslash-escaped pipe stays inside its cell. */
  static List<String> cells(String row) {
    List<String> cells = new ArrayList<>();
    StringBuilder cell = new StringBuilder();
    for (int i = row.startsWith("|") ? 1 : 0; i < row.length(); i++) {
      char c = row.charAt(i);
      if (c == '\\' && i + 1 < row.length() && row.charAt(i + 1) == '|') {
        cell.append('|');
        i++;
      } else if (c == '|') {
        cells.add(cell.toString());
        cell.setLength(0);
      } else {
        cell.append(c);
      }
    }
    if (!cell.toString().isBlank()) {
      cells.add(cell.toString());
    }
    return cells;
  }
}

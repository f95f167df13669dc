package io.sinkhole.feed;

import io.sinkhole.ioc.IndicatorSink;
import java.io.IOException;
import java.io.InputStream;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the ThreatFox CSV export as abuse.ch publishes it: {@code #} comment lines, one of which
 * names the columns, rows of quoted fields, {@code None} for empty, CRLF, and a footer {@code #
 * Number of entries: N}. Columns are found by the names in the header comment, so a column added
 * upstream (as {@code is_compromised} once was) does not shift the others. When the footer's count
 * differs from the rows read, the file was cut short and a problem says so.
 */
final class ThreatFoxCsvParser implements FeedParser {
  static final List<String> DEFAULT_COLUMNS =
      List.of(
          "first_seen_utc",
          "ioc_id",
          "ioc_value",
          "ioc_type",
          "threat_type",
          "fk_malware",
          "malware_alias",
          "malware_printable",
          "last_seen_utc",
          "confidence_level",
          "is_compromised",
          "reference",
          "tags",
          "anonymous",
          "reporter");
  private static final String FOOTER = "# Number of entries:";

  @Override
  public ParseNotes parse(InputStream in, IndicatorSink sink) throws IOException {
    LineReader lines = new LineReader(in);
    ResultBuilder out = new ResultBuilder(sink);
    Columns columns = Columns.of(DEFAULT_COLUMNS);
    int rows = 0;
    for (String line = lines.next(); line != null; line = lines.next()) {
      String trimmed = line.trim();
      if (trimmed.startsWith("#")) {
        columns = headerColumns(trimmed, columns);
        checkFooter(trimmed, rows, lines.number(), out);
      } else if (!trimmed.isEmpty()) {
        rows++;
        row(trimmed, columns, lines.number(), out);
      }
    }
    return out.build();
  }

  private static void row(String line, Columns columns, int number, ResultBuilder out) {
    List<String> fields = QuotedFields.split(line);
    if (fields == null || fields.size() != columns.count()) {
      out.problem(number, "malformed line", line);
      return;
    }
    ThreatFoxEntries.add(name -> field(fields, columns.index().get(name)), number, line, out);
  }

  private static String field(List<String> fields, Integer index) {
    if (index == null) {
      return null;
    }
    String value = fields.get(index).trim();
    return value.isEmpty() || value.equals("None") ? null : value;
  }

  private static Columns headerColumns(String comment, Columns current) {
    List<String> names = QuotedFields.split(comment.substring(1));
    boolean isHeader = names != null && names.contains("ioc_value") && names.contains("ioc_type");
    return isHeader ? Columns.of(names) : current;
  }

  private static void checkFooter(String comment, int rows, int number, ResultBuilder out) {
    if (!comment.startsWith(FOOTER)) {
      return;
    }
    String count = comment.substring(FOOTER.length()).trim();
    if (!count.equals(Integer.toString(rows))) {
      out.problem(number, "entry count mismatch", rows + " rows, " + comment);
    }
  }

  /** Column positions by name, and how many fields a row must have. */
  private record Columns(Map<String, Integer> index, int count) {
    static Columns of(List<String> names) {
      Map<String, Integer> index = new HashMap<>();
      for (int i = 0; i < names.size(); i++) {
        index.putIfAbsent(names.get(i).trim(), i);
      }
      return new Columns(index, names.size());
    }
  }
}

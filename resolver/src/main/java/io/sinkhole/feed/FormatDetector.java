package io.sinkhole.feed;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Guesses a feed's format from its first kilobytes. JSON formats are told apart by their keys; text
 * formats by a tell-tale header (ThreatFox's column comment, a markdown IOC table, a KQL {@code
 * dynamic([}), else by the shape of the first line that is not a comment. Runs once per file, so
 * regex is fine here.
 */
final class FormatDetector {
  /** How much of a file {@link FeedReader} hands to detection. */
  static final int HEAD_BYTES = 16 * 1024;

  private static final Pattern STIX = Pattern.compile("\"type\"\\s*:\\s*\"(bundle|indicator)\"");
  private static final Pattern MISP = Pattern.compile("\"(list|matching_attributes)\"\\s*:\\s*\\[");
  private static final Pattern KQL = Pattern.compile("\\bdynamic\\s*\\(\\s*\\[");
  private static final Pattern RANK = Pattern.compile("\\d+,[^,\\s]+.*");
  private static final Pattern CSV_HEADER = Pattern.compile("[A-Za-z_ ]+(,[A-Za-z_ ]+)+");
  private static final List<String> ZONE_TYPES = List.of("SOA", "NS", "CNAME", "A", "AAAA", "TXT");

  private FormatDetector() {}

  static FeedFormat detect(byte[] head) {
    String text = new String(head, 0, Math.min(head.length, HEAD_BYTES), StandardCharsets.UTF_8);
    text = text.startsWith("\uFEFF") ? text.substring(1) : text;
    String start = text.stripLeading();
    if (isAdblockHeader(start)) {
      return FeedFormat.ADBLOCK;
    }
    if (start.startsWith("{") || start.startsWith("[")) {
      return json(start);
    }
    List<String> lines = completeLines(text, head.length >= HEAD_BYTES);
    if (lines.stream().anyMatch(FormatDetector::isThreatFoxCsvLine)) {
      return FeedFormat.THREATFOX_CSV;
    }
    if (hasIocTable(lines)) {
      return FeedFormat.MARKDOWN;
    }
    if (KQL.matcher(text).find()) {
      return FeedFormat.KQL;
    }
    return byFirstEntry(lines);
  }

  private static FeedFormat json(String text) {
    if (text.contains("\"ioc_value\"") || text.contains("\"ioc_type\"")) {
      return FeedFormat.THREATFOX_JSON;
    }
    if (STIX.matcher(text).find()) {
      return FeedFormat.STIX;
    }
    return MISP.matcher(text).find() ? FeedFormat.MISP_WARNINGLIST : null;
  }

  /** The lines; when the head was cut, its last line may be partial and is left out. */
  private static List<String> completeLines(String text, boolean cut) {
    List<String> lines = Arrays.asList(text.split("\r\n|\r|\n", -1));
    return cut && lines.size() > 1 ? lines.subList(0, lines.size() - 1) : lines;
  }

  private static boolean isThreatFoxCsvLine(String line) {
    if (line.startsWith("#")) {
      return line.contains("\"ioc_value\"") && line.contains("\"ioc_type\"");
    }
    List<String> fields = line.startsWith("\"") ? QuotedFields.split(line) : null;
    return fields != null && fields.size() >= 10 && Timestamps.parse(fields.get(0)) != null;
  }

  private static boolean hasIocTable(List<String> lines) {
    for (int i = 1; i < lines.size(); i++) {
      String header = lines.get(i - 1).trim();
      String row = lines.get(i).trim();
      if (header.startsWith("|")
          && row.startsWith("|")
          && MarkdownTableParser.isSeparator(row)
          && MarkdownTable.of(MarkdownTable.cells(header)) != null) {
        return true;
      }
    }
    return false;
  }

  private static FeedFormat byFirstEntry(List<String> lines) {
    for (String line : lines) {
      String trimmed = line.trim();
      if (isAdblockHeader(trimmed)) {
        return FeedFormat.ADBLOCK;
      }
      if (CSV_HEADER.matcher(trimmed).matches()) {
        continue;
      }
      if (!trimmed.isEmpty() && "#!;".indexOf(trimmed.charAt(0)) < 0) {
        return byShape(line, trimmed);
      }
    }
    return null;
  }

  private static boolean isAdblockHeader(String line) {
    return line.startsWith("[Adblock") || line.startsWith("[AdGuard") || line.startsWith("[uBlock");
  }

  private static FeedFormat byShape(String line, String trimmed) {
    if (trimmed.startsWith("||") || trimmed.startsWith("@@||")) {
      return FeedFormat.ADBLOCK;
    }
    String[] tokens = trimmed.split("\\s+");
    if (trimmed.startsWith("$ORIGIN") || trimmed.startsWith("$TTL") || isZoneRecord(tokens)) {
      return FeedFormat.RPZ;
    }
    if (tokens.length >= 2 && IpAddresses.canonical(tokens[0].replaceFirst("%.*", "")) != null) {
      return FeedFormat.HOSTS;
    }
    if (RANK.matcher(trimmed).matches()) {
      return FeedFormat.RANK_CSV;
    }
    boolean domain = tokens.length == 1 && DomainNames.isValid(trimmed.replaceFirst("^\\*\\.", ""));
    return domain ? FeedFormat.DOMAINS : null;
  }

  private static boolean isZoneRecord(String[] tokens) {
    for (int i = 1; i < Math.min(tokens.length, 5); i++) {
      if (ZONE_TYPES.contains(tokens[i].toUpperCase(Locale.ROOT))) {
        return true;
      }
    }
    return false;
  }
}

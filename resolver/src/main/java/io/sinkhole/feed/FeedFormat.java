package io.sinkhole.feed;

import java.util.Arrays;
import java.util.Locale;
import java.util.function.Supplier;

/** The feed formats Sinkhole reads, each with the name the configuration uses for it. */
public enum FeedFormat {
  /** abuse.ch ThreatFox CSV export. */
  THREATFOX_CSV("threatfox-csv", ThreatFoxCsvParser::new),
  /** abuse.ch ThreatFox JSON export (object keyed by IOC id). */
  THREATFOX_JSON("threatfox-json", ThreatFoxJsonParser::new),
  /** hosts file: {@code 0.0.0.0 name}. */
  HOSTS("hosts", HostsParser::new),
  /** One name per line. */
  DOMAINS("domains", DomainListParser::new),
  /** Adblock / AdGuard Home DNS rules: {@code ||name^}. */
  ADBLOCK("adblock", AdblockParser::new),
  /** Response Policy Zone in master-file syntax. */
  RPZ("rpz", RpzParser::new),
  /** STIX 2.1 bundle of indicator objects. */
  STIX("stix", StixParser::new),
  /** IOC tables in a markdown report. */
  MARKDOWN("markdown", MarkdownTableParser::new),
  /** String lists in KQL {@code dynamic([...])} expressions. */
  KQL("kql", KqlListParser::new),
  /** MISP warninglist JSON (popular domains; allowlist source). */
  MISP_WARNINGLIST("misp-warninglist", MispWarninglistParser::new),
  /** {@code rank,domain} CSV such as Alexa or Tranco (popular domains; allowlist source). */
  RANK_CSV("rank-csv", RankCsvParser::new);

  private final String configName;
  private final FeedParser parser;

  FeedFormat(String configName, Supplier<FeedParser> parser) {
    this.configName = configName;
    this.parser = parser.get();
  }

  /** The lower-case name used in configuration files, such as {@code threatfox-csv}. */
  public String configName() {
    return configName;
  }

  /** The parser for this format; stateless, so one instance serves every feed. */
  public FeedParser parser() {
    return parser;
  }

  /** The format with this configuration name (case-insensitive). */
  public static FeedFormat fromConfigName(String name) {
    String wanted = name.trim().toLowerCase(Locale.ROOT);
    for (FeedFormat format : values()) {
      if (format.configName.equals(wanted)) {
        return format;
      }
    }
    throw new IllegalArgumentException(
        "feed format '" + name + "' is unknown; known formats: " + Arrays.toString(configNames()));
  }

  private static String[] configNames() {
    return Arrays.stream(values()).map(FeedFormat::configName).toArray(String[]::new);
  }

  /**
   * Guesses the format from the first few kilobytes of a feed (see {@link FormatDetector}).
   *
   * @return the format, or null when the content matches none
   */
  public static FeedFormat detect(byte[] head) {
    return FormatDetector.detect(head);
  }
}

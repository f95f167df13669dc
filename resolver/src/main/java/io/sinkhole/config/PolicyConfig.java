package io.sinkhole.config;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** Configuration records of the policy stage (issue #3): allowlist, client rules, groups. */
public final class PolicyConfig {
  private PolicyConfig() {}

  /**
   * Names that are never blocked, whatever any feed says.
   *
   * @param names {@code example.org} (that name only), {@code *.example.org} (every name below it),
   *     or {@code /regex/} (matched against the whole lower-case name)
   * @param files allowlist files read with the feed parsers (for example a popular-domains list in
   *     {@code misp-warninglist} or {@code rank-csv} format); each entry allows that exact name
   */
  public record Allowlist(List<String> names, List<AllowFile> files) {
    public static final Allowlist EMPTY = new Allowlist(null, null);

    public Allowlist {
      names = names == null ? List.of() : List.copyOf(names);
      files = files == null ? List.of() : List.copyOf(files);
    }
  }

  /**
   * @param format a feed format name or {@code auto}
   */
  public record AllowFile(Path path, String format) {
    public AllowFile {
      Objects.requireNonNull(path, "allowlist file needs a path");
      format = Objects.requireNonNullElse(format, "auto");
    }
  }

  /**
   * What to do for clients in some address ranges. The first rule whose CIDRs contain the client
   * decides.
   *
   * @param cidrs addresses or ranges such as {@code 192.0.2.10} or {@code 2001:db8::/48}
   * @param action exempt (never blocked; matches are still recorded), monitor (matches are
   *     forwarded and recorded), or group (use the policy group named {@code group})
   */
  public record ClientRule(List<String> cidrs, ClientAction action, String group) {
    public ClientRule {
      if (cidrs == null || cidrs.isEmpty()) {
        throw new IllegalArgumentException("a client rule needs cidrs");
      }
      cidrs = List.copyOf(cidrs);
      Objects.requireNonNull(action, "a client rule needs an action");
      if (action == ClientAction.GROUP && (group == null || group.isBlank())) {
        throw new IllegalArgumentException("action group needs a group name");
      }
    }
  }

  /** What a client rule does. */
  public enum ClientAction {
    EXEMPT,
    MONITOR,
    GROUP
  }

  /**
   * Per-feed overrides for the clients of a group; feeds not named keep their own settings.
   *
   * @param action replaces the feed's action
   * @param blockConfidence replaces the feed's block threshold
   * @param monitorConfidence replaces the feed's monitor threshold
   */
  public record FeedOverride(
      SinkholeConfig.Action action, Integer blockConfidence, Integer monitorConfidence) {
    public FeedOverride {
      if (blockConfidence != null) {
        SinkholeConfig.percent("block_confidence", blockConfidence, 0);
      }
      if (monitorConfidence != null) {
        SinkholeConfig.percent("monitor_confidence", monitorConfidence, 0);
      }
    }
  }

  /** Named groups: group name → feed name → override. */
  public static Map<String, Map<String, FeedOverride>> noGroups() {
    return Map.of();
  }
}

package io.sinkhole.policy;

import io.sinkhole.config.ConfigException;
import io.sinkhole.config.PolicyConfig;
import io.sinkhole.config.SinkholeConfig;
import io.sinkhole.feed.DomainNames;
import io.sinkhole.feed.FeedFormat;
import io.sinkhole.feed.FeedReader;
import io.sinkhole.ioc.Indicator;
import io.sinkhole.ioc.IndicatorType;
import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Names that no feed may block. Consulted only after an indicator matched, so its cost (a few set
 * lookups, then the regular expressions) is paid by matching queries alone.
 */
final class Allowlist {
  private final Set<String> exact;
  private final Set<String> below;
  private final List<Pattern> patterns;

  private Allowlist(Set<String> exact, Set<String> below, List<Pattern> patterns) {
    this.exact = exact;
    this.below = below;
    this.patterns = patterns;
  }

  static Allowlist load(SinkholeConfig config) throws ConfigException {
    Set<String> exact = new HashSet<>();
    Set<String> below = new HashSet<>();
    List<Pattern> patterns = new ArrayList<>();
    List<String> names = config.allowlist().names();
    for (int i = 0; i < names.size(); i++) {
      add(names.get(i), exact, below, patterns, config, i);
    }
    for (int i = 0; i < config.allowlist().files().size(); i++) {
      readFile(config, i, exact);
    }
    return new Allowlist(Set.copyOf(exact), Set.copyOf(below), List.copyOf(patterns));
  }

  private static void add(
      String entry,
      Set<String> exact,
      Set<String> below,
      List<Pattern> patterns,
      SinkholeConfig config,
      int index)
      throws ConfigException {
    String e = entry.trim();
    if (e.length() > 2 && e.startsWith("/") && e.endsWith("/")) {
      try {
        patterns.add(Pattern.compile(e.substring(1, e.length() - 1), Pattern.CASE_INSENSITIVE));
      } catch (PatternSyntaxException ex) {
        throw error(
            config,
            "/allowlist/names/" + index,
            "allowlist.names[" + index + "]",
            ex.getDescription());
      }
      return;
    }
    boolean wildcard = e.startsWith("*.");
    String name = DomainNames.normalize(wildcard ? e.substring(2) : e);
    if (name == null) {
      throw error(
          config,
          "/allowlist/names/" + index,
          "allowlist.names[" + index + "]",
          "'" + e + "' is not a domain name, *.name or /regex/");
    }
    (wildcard ? below : exact).add(name);
  }

  private static void readFile(SinkholeConfig config, int i, Set<String> exact)
      throws ConfigException {
    PolicyConfig.AllowFile f = config.allowlist().files().get(i);
    Path path = config.baseDir().resolve(f.path()).normalize();
    try {
      FeedFormat format =
          "auto".equalsIgnoreCase(f.format()) ? null : FeedFormat.fromConfigName(f.format());
      for (Indicator ind : FeedReader.read(path, format).indicators()) {
        if (ind.type() == IndicatorType.DOMAIN) {
          exact.add(ind.value());
        }
      }
    } catch (IOException | IllegalArgumentException e) {
      String problem =
          e instanceof NoSuchFileException ? "file not found: " + path : e.getMessage();
      throw error(
          config, "/allowlist/files/" + i + "/path", "allowlist.files[" + i + "].path", problem);
    }
  }

  private static ConfigException error(SinkholeConfig c, String pointer, String field, String msg) {
    return new ConfigException(
        c.source() + ": line " + c.lineOf(pointer) + ": field '" + field + "': " + msg);
  }

  /** The allowlist entry that allows {@code name}, or null. */
  String allows(String name) {
    if (exact.contains(name)) {
      return name;
    }
    if (below.isEmpty()) {
      return pattern(name); // no wildcard entry: skip a substring per label (issue #5)
    }
    for (int dot = name.indexOf('.'); dot >= 0; dot = name.indexOf('.', dot + 1)) {
      String parent = name.substring(dot + 1);
      if (below.contains(parent)) {
        return "*." + parent;
      }
    }
    return pattern(name);
  }

  private String pattern(String name) {
    for (Pattern p : patterns) {
      if (p.matcher(name).matches()) {
        return "/" + p.pattern() + "/";
      }
    }
    return null;
  }
}

package io.sinkhole;

import io.sinkhole.config.ConfigException;
import io.sinkhole.config.FeedConfig;
import io.sinkhole.config.SinkholeConfig;
import io.sinkhole.feed.FeedProblem;
import io.sinkhole.policy.Policy;
import io.sinkhole.source.FeedReport;
import io.sinkhole.source.IocLoader;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code sinkhole validate}: loads the configuration and every feed the way the server would and
 * prints what each holds, so a change can be checked before it is deployed. Exit status: 0 when
 * everything loads (problem lines are warnings), 1 with {@code --strict} when a feed has problem
 * lines, 2 for a configuration error or a feed that cannot be read at all.
 */
@Command(
    name = "validate",
    mixinStandardHelpOptions = true,
    description = "Load the configuration and every feed; print counts and every problem line.")
final class ValidateCommand implements Callable<Integer> {
  @ParentCommand Main parent;

  @Spec CommandSpec spec;

  @Option(
      names = "--config",
      paramLabel = "FILE",
      description = "Configuration file (default: the one given to sinkhole, or its default).")
  Path config;

  @Option(names = "--strict", description = "Exit 1 when a feed has problem lines.")
  boolean strict;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    if (config != null) {
      parent.config = config;
    }
    SinkholeConfig loaded;
    try {
      loaded = parent.loadConfig();
    } catch (ConfigException e) {
      err.println("sinkhole: " + e.getMessage());
      return 2;
    }
    out.printf("configuration %s: ok, %d feeds%n", loaded.source(), loaded.feeds().size());
    Totals totals = new Totals();
    for (int i = 0; i < loaded.feeds().size(); i++) {
      validateFeed(loaded, i, totals, out, err);
    }
    validatePolicy(loaded, totals, out, err);
    out.printf(
        Locale.ROOT,
        "%d indicators, %d problems, %d unreadable feeds%n",
        totals.indicators,
        totals.problems,
        totals.errors);
    return totals.errors > 0 ? 2 : strict && totals.problems > 0 ? 1 : 0;
  }

  /** Allowlist files, regular expressions and client rules, read as the server reads them. */
  private static void validatePolicy(
      SinkholeConfig config, Totals totals, PrintWriter out, PrintWriter err) {
    try {
      Policy.load(config);
      out.printf(
          Locale.ROOT,
          "policy: ok, %d allowlist names, %d allowlist files, %d client rules%n",
          config.allowlist().names().size(),
          config.allowlist().files().size(),
          config.clients().size());
    } catch (ConfigException e) {
      err.println("sinkhole: " + e.getMessage());
      totals.errors++;
    }
  }

  private static final class Totals {
    int indicators;
    int problems;
    int errors;
  }

  private static void validateFeed(
      SinkholeConfig config, int index, Totals totals, PrintWriter out, PrintWriter err) {
    FeedConfig feed = config.feeds().get(index);
    if (feed.action() == SinkholeConfig.Action.OFF) {
      out.printf("feed %s: action off, not loaded%n", feed.name());
      return;
    }
    try {
      FeedReport r = IocLoader.read(config, index);
      String origin = feed.url() != null ? feed.url().toString() : r.path().toString();
      out.printf(
          Locale.ROOT,
          "feed %s: %d indicators (%s) from %s (%s), %d skipped %s, %d problems%n",
          feed.name(),
          r.total(),
          r.loadedByType(),
          origin,
          r.format().configName(),
          r.skipped().values().stream().mapToInt(Integer::intValue).sum(),
          r.skipped(),
          r.problems().size());
      for (FeedProblem p : r.problems()) {
        out.printf("  %s:%d: %s: %s%n", origin, p.line(), p.reason(), p.excerpt());
      }
      totals.indicators += r.total();
      totals.problems += r.problems().size();
    } catch (ConfigException e) {
      err.println("sinkhole: " + e.getMessage());
      totals.errors++;
    }
  }
}

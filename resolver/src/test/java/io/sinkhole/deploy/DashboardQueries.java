package io.sinkhole.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Every PromQL expression in the Grafana dashboards under {@code dashboards/grafana}, so that tests
 * can parse them with promtool or evaluate them against a running Prometheus.
 */
public final class DashboardQueries {
  /** Stand-ins for Grafana's built-in interval variables: any valid duration will do. */
  private static final Map<String, String> BUILT_INS =
      Map.of(
          "__rate_interval", "1m",
          "__interval", "1m",
          "__range", "1h");

  private static final Pattern VARIABLE = Pattern.compile("\\$\\{(\\w+)(?::\\w+)?}|\\$(\\w+)");

  /** One query of one panel. */
  public record Query(Path dashboard, String panel, String refId, String expr) {

    /**
     * The expression as Prometheus accepts it: interval variables become durations, dashboard
     * variables (only used in label regexes) match everything.
     */
    public String forPrometheus() {
      Matcher m = VARIABLE.matcher(expr);
      StringBuilder out = new StringBuilder();
      while (m.find()) {
        String name = m.group(1) != null ? m.group(1) : m.group(2);
        m.appendReplacement(out, Matcher.quoteReplacement(BUILT_INS.getOrDefault(name, ".*")));
      }
      m.appendTail(out);
      return out.toString();
    }

    @Override
    public String toString() {
      return dashboard.getFileName() + " / " + panel + " / " + refId + ": " + expr;
    }
  }

  private DashboardQueries() {}

  /** The queries of every dashboard JSON in the repository. */
  public static List<Query> all() {
    List<Query> queries = new ArrayList<>();
    for (Path dashboard : dashboards()) {
      queries.addAll(in(dashboard));
    }
    return queries;
  }

  public static List<Path> dashboards() {
    return Repo.files(Repo.path("dashboards/grafana"), ".json");
  }

  /** The queries of one dashboard, including those of panels nested in collapsed rows. */
  public static List<Query> in(Path dashboard) {
    try {
      JsonNode root = new ObjectMapper().readTree(dashboard.toFile());
      List<Query> queries = new ArrayList<>();
      collect(dashboard, root.path("panels"), queries);
      return queries;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void collect(Path dashboard, JsonNode panels, List<Query> into) {
    for (JsonNode panel : panels) {
      for (JsonNode target : panel.path("targets")) {
        String expr = target.path("expr").asText("");
        if (!expr.isBlank()) {
          String title = panel.path("title").asText("(untitled)");
          into.add(new Query(dashboard, title, target.path("refId").asText("?"), expr));
        }
      }
      collect(dashboard, panel.path("panels"), into);
    }
  }
}

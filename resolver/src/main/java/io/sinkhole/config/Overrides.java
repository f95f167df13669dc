package io.sinkhole.config;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.List;

/**
 * Command-line values that replace (or, for feeds, extend) what the file says. Applied to the YAML
 * tree before binding, so they pass through exactly the same validation.
 */
public record Overrides(
    List<String> listen,
    List<String> upstreams,
    String metricsListen,
    Path eventsFile,
    List<Path> feeds) {

  public static final Overrides NONE = new Overrides(List.of(), List.of(), null, null, List.of());

  public Overrides {
    listen = List.copyOf(listen);
    upstreams = List.copyOf(upstreams);
    feeds = List.copyOf(feeds);
  }

  void applyTo(ObjectNode root) {
    if (!listen.isEmpty()) {
      replaceList(root, "listen", listen);
    }
    if (!upstreams.isEmpty()) {
      replaceList(root, "upstreams", upstreams);
    }
    if (metricsListen != null) {
      root.withObject("/metrics").put("listen", metricsListen);
    }
    if (eventsFile != null) {
      root.withObject("/events").put("file", eventsFile.toAbsolutePath().toString());
      firstFileSinkUsesEventsFile(root);
    }
    for (Path feed : feeds) {
      ArrayNode list = root.withArray("feeds");
      ObjectNode entry = list.addObject();
      entry.put("name", feed.getFileName().toString());
      entry.put("path", feed.toAbsolutePath().toString());
    }
  }

  /** --events replaces the path of the first file sink too: it defaults to events.file. */
  private static void firstFileSinkUsesEventsFile(ObjectNode root) {
    for (com.fasterxml.jackson.databind.JsonNode sink : root.path("events").path("sinks")) {
      String type = sink.path("type").asText("file");
      if (sink instanceof ObjectNode o && type.equalsIgnoreCase("file")) {
        o.remove("path");
        return;
      }
    }
  }

  private static void replaceList(ObjectNode root, String key, List<String> values) {
    ArrayNode list = root.putArray(key);
    values.forEach(list::add);
  }
}

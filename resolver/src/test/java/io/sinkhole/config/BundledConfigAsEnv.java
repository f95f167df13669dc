package io.sinkhole.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/** Writes every value of a YAML configuration as the environment variable that sets it. */
final class BundledConfigAsEnv {
  private BundledConfigAsEnv() {}

  static Map<String, String> variables(Path yaml) throws IOException {
    Map<String, String> env = new TreeMap<>();
    collect(new YAMLMapper().readTree(yaml.toFile()), "SINKHOLE", env);
    return env;
  }

  private static void collect(JsonNode node, String name, Map<String, String> env) {
    if (node.isObject()) {
      node.properties()
          .forEach(
              f -> collect(f.getValue(), name + "__" + f.getKey().toUpperCase(Locale.ROOT), env));
    } else if (node.isArray() && !node.isEmpty()) {
      for (int i = 0; i < node.size(); i++) {
        collect(node.get(i), name + "__" + i, env);
      }
    } else if (node.isArray()) {
      env.put(variable(name), "");
    } else {
      env.put(variable(name), node.asText());
    }
  }

  /** The first level has a single underscore after the prefix: SINKHOLE_BLOCK__TTL. */
  private static String variable(String name) {
    return "SINKHOLE_" + name.substring("SINKHOLE__".length());
  }
}

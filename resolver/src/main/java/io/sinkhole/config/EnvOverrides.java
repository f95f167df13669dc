package io.sinkhole.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ContainerNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.lang.reflect.Type;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Configuration values from environment variables, so one container image serves every host.
 *
 * <p>The rule: {@code SINKHOLE_} followed by the key path in upper case, with {@code __} between
 * levels and list indices as levels: {@code SINKHOLE_BLOCK__ANSWER=address}, {@code
 * SINKHOLE_FEEDS__0__ACTION=monitor}. A list takes comma-separated values or JSON ({@code
 * SINKHOLE_UPSTREAMS=192.0.2.1:53,192.0.2.2:53}); a mapping takes JSON. An empty value clears a key
 * back to its default (a list to empty).
 *
 * <p>Values are written into the YAML tree before binding, like command-line {@link Overrides}, so
 * they pass the same validation; precedence is file, then environment, then command line.
 */
public final class EnvOverrides {
  public static final String PREFIX = "SINKHOLE_";

  /** Variables with the prefix that are read elsewhere: the log level is logback's. */
  static final Set<String> RESERVED = Set.of("SINKHOLE_LOG_LEVEL");

  public static final EnvOverrides NONE = new EnvOverrides(Map.of());

  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  /** Variables in application order: a whole list before its elements, index 2 after 10. */
  private final Map<List<String>, Variable> variables;

  private record Variable(String name, String value, List<String> path) {}

  private EnvOverrides(Map<List<String>, Variable> variables) {
    this.variables = variables;
  }

  /** The overrides in {@code environment} (pass {@code System.getenv()} in production). */
  public static EnvOverrides from(Map<String, String> environment) {
    Map<List<String>, Variable> vars = new TreeMap<>(EnvOverrides::comparePaths);
    environment.forEach(
        (name, value) -> {
          if (name.startsWith(PREFIX) && !RESERVED.contains(name)) {
            List<String> path = segments(name);
            vars.put(path, new Variable(name, value, path));
          }
        });
    return new EnvOverrides(vars);
  }

  /** Names of the variables that apply, for the startup log (values may be secrets). */
  public List<String> names() {
    return variables.values().stream().map(Variable::name).toList();
  }

  /**
   * Writes every variable into {@code root}.
   *
   * @return the JSON pointer each variable set, mapped to the variable's name
   */
  Map<String, String> applyTo(ObjectNode root) throws ConfigException {
    Map<String, String> pointers = new LinkedHashMap<>();
    for (Variable v : variables.values()) {
      try {
        pointers.put(apply(root, v), v.name());
      } catch (IllegalArgumentException e) {
        throw new ConfigException("environment variable " + v.name() + ": " + e.getMessage(), e);
      }
    }
    return pointers;
  }

  private static String apply(ObjectNode root, Variable v) {
    if (v.path().isEmpty() || v.path().contains("")) {
      throw new IllegalArgumentException(
          "name the key path with '__' between levels, as in SINKHOLE_BLOCK__ANSWER");
    }
    Type type = SinkholeConfig.class;
    ContainerNode<?> node = root;
    StringBuilder pointer = new StringBuilder();
    for (int i = 0; i < v.path().size(); i++) {
      String key = v.path().get(i);
      type = ConfigSchema.child(type, key);
      pointer.append('/').append(key);
      if (i == v.path().size() - 1) {
        set(node, key, EnvValues.parse(type, v.value()));
      } else {
        node = descend(node, key, ConfigSchema.kindOf(type));
      }
    }
    return pointer.toString();
  }

  private static ContainerNode<?> descend(ContainerNode<?> node, String key, ConfigSchema.Kind k) {
    JsonNode existing = node.isArray() ? node.get(index(node, key)) : node.get(key);
    boolean fits =
        k == ConfigSchema.Kind.LIST
            ? existing instanceof ArrayNode
            : existing instanceof ObjectNode;
    if (fits) {
      return (ContainerNode<?>) existing;
    }
    ContainerNode<?> fresh = k == ConfigSchema.Kind.LIST ? NODES.arrayNode() : NODES.objectNode();
    set(node, key, fresh);
    return fresh;
  }

  /** Sets {@code key} of an object, or element {@code key} of an array; null removes the key. */
  private static void set(ContainerNode<?> node, String key, JsonNode value) {
    if (node instanceof ObjectNode object) {
      if (value == null) {
        object.remove(key);
      } else {
        object.set(key, value);
      }
      return;
    }
    ArrayNode array = (ArrayNode) node;
    int i = index(array, key);
    if (value == null) {
      throw new IllegalArgumentException("empty value; to drop a list element, set the list");
    }
    if (i == array.size()) {
      array.add(value);
    } else {
      array.set(i, value);
    }
  }

  /** A list index that exists or appends right after the last element. */
  private static int index(ContainerNode<?> array, String key) {
    int i = Integer.parseInt(key);
    if (i > array.size()) {
      throw new IllegalArgumentException(
          "index " + i + " but the list has " + array.size() + " elements; add them in order");
    }
    return i;
  }

  private static List<String> segments(String name) {
    String path = name.substring(PREFIX.length()).toLowerCase(Locale.ROOT);
    return path.isEmpty() ? List.of() : Arrays.asList(path.split("__", -1));
  }

  /** Segment by segment, numbers numerically; a path sorts before the paths below it. */
  private static int comparePaths(List<String> a, List<String> b) {
    for (int i = 0; i < Math.min(a.size(), b.size()); i++) {
      int c = SEGMENTS.compare(a.get(i), b.get(i));
      if (c != 0) {
        return c;
      }
    }
    return Integer.compare(a.size(), b.size());
  }

  private static final Comparator<String> SEGMENTS =
      Comparator.comparing((String s) -> !isIndex(s))
          .thenComparingLong(s -> isIndex(s) ? Long.parseLong(s) : 0)
          .thenComparing(Comparator.naturalOrder());

  private static boolean isIndex(String s) {
    return !s.isEmpty() && s.length() < 10 && s.chars().allMatch(Character::isDigit);
  }
}

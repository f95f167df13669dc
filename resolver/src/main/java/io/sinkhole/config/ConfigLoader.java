package io.sinkhole.config;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Reads the YAML file, applies overrides, and binds the result to {@link SinkholeConfig}.
 *
 * <p>Jackson reports where the text was when binding failed; semantic checks made after binding
 * only know the field. {@link LineIndex} maps each field back to its line so that both kinds of
 * error read "file, line, field: problem".
 */
public final class ConfigLoader {
  private static final YAMLFactory YAML = new YAMLFactory();
  private static final ObjectMapper MAPPER =
      JsonMapper.builder(YAML)
          .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
          .enable(MapperFeature.ACCEPT_CASE_INSENSITIVE_ENUMS)
          .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
          .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
          .build();

  private ConfigLoader() {}

  /** Loads {@code file} with {@code overrides} applied on top of its tree. */
  public static SinkholeConfig load(Path file, Overrides overrides) throws ConfigException {
    return load(file, EnvOverrides.NONE, overrides);
  }

  /**
   * Loads {@code file}, then applies {@code env}, then {@code overrides}: each later source wins.
   */
  public static SinkholeConfig load(Path file, EnvOverrides env, Overrides overrides)
      throws ConfigException {
    String text = read(file);
    LineIndex lines = LineIndex.of(text);
    JsonNode tree = parseTree(file, text);
    if (!(tree instanceof ObjectNode root)) {
      throw new ConfigException(file + ": the top level must be a mapping of keys");
    }
    Map<String, String> fromEnv = applyEnv(file, env, root);
    overrides.applyTo(root);
    try {
      SinkholeConfig config = MAPPER.treeToValue(root, SinkholeConfig.class);
      return config.withSource(file);
    } catch (JsonMappingException e) {
      throw new ConfigException(describe(file, lines, e, fromEnv), e);
    } catch (JsonProcessingException e) {
      throw new ConfigException(file + ": " + e.getOriginalMessage(), e);
    }
  }

  private static Map<String, String> applyEnv(Path file, EnvOverrides env, ObjectNode root)
      throws ConfigException {
    try {
      return env.applyTo(root);
    } catch (ConfigException e) {
      throw new ConfigException(file + ": " + e.getMessage(), e.getCause());
    }
  }

  /** The line of a field given as a JSON pointer such as {@code /feeds/1/path}; 0 if unknown. */
  public static int lineOf(Path file, String pointer) {
    try {
      return LineIndex.of(read(file)).lineOf(pointer);
    } catch (ConfigException e) {
      return 0;
    }
  }

  private static String read(Path file) throws ConfigException {
    try {
      return Files.readString(file);
    } catch (NoSuchFileException e) {
      throw new ConfigException(file + ": configuration file not found");
    } catch (IOException e) {
      throw new ConfigException(file + ": cannot read: " + e.getMessage(), e);
    }
  }

  private static JsonNode parseTree(Path file, String text) throws ConfigException {
    try {
      JsonNode node = MAPPER.readTree(text);
      return node == null ? MissingNode.getInstance() : node;
    } catch (JsonProcessingException e) {
      int line = e.getLocation() == null ? 0 : e.getLocation().getLineNr();
      throw new ConfigException(file + ": line " + line + ": " + e.getOriginalMessage(), e);
    }
  }

  private static String describe(
      Path file, LineIndex lines, JsonMappingException e, Map<String, String> fromEnv) {
    StringBuilder pointer = new StringBuilder();
    StringBuilder field = new StringBuilder();
    for (JsonMappingException.Reference ref : e.getPath()) {
      if (ref.getFieldName() != null) {
        pointer.append('/').append(ref.getFieldName());
        field.append(field.length() == 0 ? "" : ".").append(ref.getFieldName());
      } else if (ref.getIndex() >= 0) {
        pointer.append('/').append(ref.getIndex());
        field.append('[').append(ref.getIndex()).append(']');
      }
    }
    Throwable root = e;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    String problem;
    if (root instanceof IllegalArgumentException) {
      problem = root.getMessage();
      // A record's own check knows its key only by name ("ttl must be 0-86400"): point at that
      // key's line rather than the line of the mapping that holds it.
      String key = leadingKey(problem);
      String keyPointer = pointer + "/" + key;
      if (key != null && (lines.has(keyPointer) || fromEnv.containsKey(keyPointer))) {
        pointer.append('/').append(key);
        field.append(field.length() == 0 ? "" : ".").append(key);
      }
    } else if (e instanceof UnrecognizedPropertyException u) {
      // Jackson's own text names a Java class; say what the file may hold instead.
      problem = "no such field; fields here: " + known(u.getKnownPropertyIds());
    } else if (e instanceof InvalidFormatException f && expected(f.getTargetType()) != null) {
      problem = "'" + f.getValue() + "' is not " + expected(f.getTargetType());
    } else {
      problem = e.getOriginalMessage();
    }
    String variables = EnvBlame.variablesFor(pointer.toString(), problem, fromEnv);
    if (!variables.isEmpty()) {
      return file + ": environment variable " + variables + ": field '" + field + "': " + problem;
    }
    int line = lines.lineOf(pointer.toString());
    return file + ": line " + line + ": field '" + field + "': " + problem;
  }

  private static String known(java.util.Collection<Object> ids) {
    return ids == null
        ? "(none)"
        : ids.stream().map(String::valueOf).sorted().collect(Collectors.joining(", "));
  }

  /** The key a check's message starts with, as in "timeout_ms must be ..."; null if none. */
  private static String leadingKey(String problem) {
    int space = problem == null ? -1 : problem.indexOf(' ');
    if (space <= 0) {
      return null;
    }
    String word = problem.substring(0, space);
    return word.matches("[a-z][a-z0-9_]*") ? word : null;
  }

  /** What a value of {@code type} looks like in the file, for the common types; else null. */
  private static String expected(Class<?> type) {
    if (type.isEnum()) {
      return "one of " + choices(type);
    }
    if (type == Integer.class || type == int.class || type == Long.class || type == long.class) {
      return "a whole number";
    }
    if (type == Double.class || type == double.class) {
      return "a number";
    }
    if (type == Boolean.class || type == boolean.class) {
      return "true or false";
    }
    return null;
  }

  /** An enum's values as the configuration writes them: lower case, in declaration order. */
  private static String choices(Class<?> type) {
    StringBuilder out = new StringBuilder();
    for (Object c : type.getEnumConstants()) {
      out.append(out.length() == 0 ? "" : ", ")
          .append(((Enum<?>) c).name().toLowerCase(Locale.ROOT));
    }
    return out.toString();
  }

  /** Maps JSON pointers of a YAML document to the lines where their values start. */
  static final class LineIndex {
    private final Map<String, Integer> lines = new HashMap<>();

    static LineIndex of(String text) {
      LineIndex index = new LineIndex();
      try (JsonParser p = YAML.createParser(text)) {
        for (JsonToken t = p.nextToken(); t != null; t = p.nextToken()) {
          if (t == JsonToken.FIELD_NAME || t.isScalarValue() || t.isStructStart()) {
            String ptr = p.getParsingContext().pathAsPointer().toString();
            index.lines.putIfAbsent(ptr, p.currentLocation().getLineNr());
          }
        }
      } catch (IOException e) {
        // The tree parse reports syntax errors with their line; a partial index is enough here.
      }
      return index;
    }

    boolean has(String pointer) {
      return lines.containsKey(pointer);
    }

    int lineOf(String pointer) {
      for (String p = pointer; ; p = p.substring(0, p.lastIndexOf('/'))) {
        Integer line = lines.get(p);
        if (line != null || p.isEmpty()) {
          return line == null ? 0 : line;
        }
      }
    }
  }
}

package io.sinkhole.config;

import com.fasterxml.jackson.annotation.JsonValue;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import java.lang.reflect.Method;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The shape of the configuration tree, read from the {@link SinkholeConfig} records themselves, so
 * that an environment variable can be checked against it without a second list of keys to keep in
 * step. Keys are the snake_case forms of the record components, exactly as the YAML binding sees
 * them.
 */
final class ConfigSchema {
  /** What a node of the tree holds. */
  enum Kind {
    SCALAR,
    LIST,
    MAPPING
  }

  private static final PropertyNamingStrategies.NamingBase SNAKE =
      (PropertyNamingStrategies.NamingBase) PropertyNamingStrategies.SNAKE_CASE;

  /** Components that are not YAML keys: {@code source} is where the file was read from. */
  private static final List<String> NOT_KEYS = List.of("source");

  private ConfigSchema() {}

  static Kind kindOf(Type type) {
    Class<?> raw = raw(type);
    if (List.class.isAssignableFrom(raw)) {
      return Kind.LIST;
    }
    if ((raw.isRecord() && !writtenAsOneValue(raw)) || Map.class.isAssignableFrom(raw)) {
      return Kind.MAPPING;
    }
    return Kind.SCALAR;
  }

  /** Records such as {@link HostPort} that YAML writes as one string ({@code @JsonValue}). */
  private static boolean writtenAsOneValue(Class<?> raw) {
    for (Method m : raw.getMethods()) {
      if (m.isAnnotationPresent(JsonValue.class)) {
        return true;
      }
    }
    return false;
  }

  /**
   * The type found under {@code key} (already lower-case) inside a node of {@code type}.
   *
   * @throws IllegalArgumentException with a message for the user when there is no such key
   */
  static Type child(Type type, String key) {
    Class<?> raw = raw(type);
    if (kindOf(type) == Kind.SCALAR) {
      throw new IllegalArgumentException("a single value has no key '" + key + "'");
    }
    if (List.class.isAssignableFrom(raw)) {
      if (!key.chars().allMatch(Character::isDigit) || key.length() > 6) {
        throw new IllegalArgumentException("'" + key + "' is not a list index (0, 1, ...)");
      }
      return typeArgument(type, 0);
    }
    if (Map.class.isAssignableFrom(raw)) {
      return typeArgument(type, 1);
    }
    if (raw.isRecord()) {
      for (RecordComponent c : raw.getRecordComponents()) {
        if (keyOf(c).equals(key) && !NOT_KEYS.contains(c.getName())) {
          return c.getGenericType();
        }
      }
    }
    throw new IllegalArgumentException(
        "no key '" + key + "' here; known keys: " + String.join(", ", keys(raw)));
  }

  /** Whether a list of {@code type} holds single values (so "a,b" can be split). */
  static boolean listOfScalars(Type type) {
    return kindOf(typeArgument(type, 0)) == Kind.SCALAR;
  }

  private static List<String> keys(Class<?> record) {
    List<String> keys = new ArrayList<>();
    for (RecordComponent c : record.getRecordComponents()) {
      if (!NOT_KEYS.contains(c.getName())) {
        keys.add(keyOf(c));
      }
    }
    return keys;
  }

  private static String keyOf(RecordComponent c) {
    return SNAKE.translate(c.getName());
  }

  private static Class<?> raw(Type type) {
    if (type instanceof Class<?> c) {
      return c;
    }
    if (type instanceof ParameterizedType p && p.getRawType() instanceof Class<?> c) {
      return c;
    }
    return Object.class;
  }

  private static Type typeArgument(Type type, int index) {
    if (type instanceof ParameterizedType p && p.getActualTypeArguments().length > index) {
      return p.getActualTypeArguments()[index];
    }
    return Object.class;
  }
}

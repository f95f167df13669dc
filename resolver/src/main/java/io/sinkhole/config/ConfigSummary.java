package io.sinkhole.config;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationConfig;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import com.fasterxml.jackson.databind.ser.BeanSerializerModifier;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import com.fasterxml.jackson.databind.ser.std.ToStringSerializer;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The effective configuration as one compact JSON line, for the startup log: what this instance
 * actually runs with after file, environment and command line were merged. Values of keys that look
 * like credentials are replaced by {@code ****}, so the line is safe to ship to a log store.
 */
public final class ConfigSummary {
  /**
   * Key names whose values are never logged. A key that says where a secret is kept ({@code
   * key_file}, {@code key_env}: a path or a variable name) is not itself secret, and is shown so
   * that an operator can see which one is in use.
   */
  static final Pattern SECRET =
      Pattern.compile("(?i)(?!.*_(env|file|path)$).*(secret|password|passwd|token|key).*");

  static final String MASK = "****";

  private static final ObjectMapper JSON =
      JsonMapper.builder()
          .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
          .addModule(
              new SimpleModule()
                  .addSerializer(Path.class, ToStringSerializer.instance)
                  .setSerializerModifier(new LowerCaseEnums()))
          .build();

  private ConfigSummary() {}

  public static String json(SinkholeConfig config) {
    return render(config);
  }

  static String render(Object config) {
    JsonNode tree = JSON.valueToTree(config);
    mask(tree);
    return tree.toString();
  }

  /**
   * Enum values as the YAML file spells them ({@code answer: nxdomain}), so a line can be reused.
   */
  private static final class LowerCaseEnums extends BeanSerializerModifier {
    private static final long serialVersionUID = 1L;

    @Override
    public JsonSerializer<?> modifyEnumSerializer(
        SerializationConfig config,
        JavaType type,
        BeanDescription description,
        JsonSerializer<?> serializer) {
      return new StdSerializer<Enum<?>>(Enum.class, false) {
        private static final long serialVersionUID = 1L;

        @Override
        public void serialize(Enum<?> value, JsonGenerator out, SerializerProvider provider)
            throws IOException {
          out.writeString(value.name().toLowerCase(Locale.ROOT));
        }
      };
    }
  }

  private static void mask(JsonNode node) {
    if (node instanceof ObjectNode object) {
      List<String> secrets = new ArrayList<>();
      object
          .properties()
          .forEach(
              field -> {
                if (SECRET.matcher(field.getKey()).matches() && !field.getValue().isNull()) {
                  secrets.add(field.getKey());
                }
              });
      secrets.forEach(name -> object.set(name, TextNode.valueOf(MASK)));
    }
    node.forEach(ConfigSummary::mask);
  }
}

package io.sinkhole.event;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.ByteArrayOutputStream;
import java.io.IOException;

/** Serialises events to UTF-8 JSON rows of one schema, reusing one buffer (one thread only). */
public final class Rows {
  private static final JsonFactory JSON = new JsonFactory();

  private final EventSchema schema;
  private final ByteArrayOutputStream buffer = new ByteArrayOutputStream(1024);

  public Rows(EventSchema schema) {
    this.schema = schema;
  }

  /** One event as a JSON object, without a line break. */
  public byte[] bytes(DnsEvent e) throws IOException {
    buffer.reset();
    try (JsonGenerator g = JSON.createGenerator(buffer, JsonEncoding.UTF8)) {
      schema.write(e, g);
    }
    return buffer.toByteArray();
  }
}

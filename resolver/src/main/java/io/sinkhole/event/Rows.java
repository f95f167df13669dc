package io.sinkhole.event;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.ByteArrayOutputStream;
import java.io.IOException;

/**
 * Serialises events to UTF-8 JSON rows of one schema, reusing one buffer and one generator (one
 * thread only): a generator per row cost a share of the event writer's time (issue #5).
 */
public final class Rows {
  private static final JsonFactory JSON = new JsonFactory();

  private final EventSchema schema;
  private final Buffer buffer = new Buffer();
  private JsonGenerator generator;

  public Rows(EventSchema schema) {
    this.schema = schema;
  }

  /** One event as a JSON object, without a line break. */
  public byte[] bytes(DnsEvent e) throws IOException {
    write(e);
    return buffer.toByteArray();
  }

  /**
   * Serialises one event into the reused buffer, without the copy {@link #bytes} makes: the row is
   * the first {@code length} bytes of {@link #array()}, valid until the next call.
   *
   * @return the row's length
   */
  int write(DnsEvent e) throws IOException {
    buffer.reset();
    if (generator == null) {
      generator = JSON.createGenerator(buffer, JsonEncoding.UTF8);
      generator.setRootValueSeparator(null); // one object per row, no space between rows
    }
    try {
      schema.write(e, generator);
      generator.flush();
    } catch (IOException | RuntimeException failed) {
      generator = null; // half-written: start the next row with a fresh generator
      throw failed;
    }
    return buffer.size();
  }

  byte[] array() {
    return buffer.array();
  }

  /** Exposes the stream's array so that a row can be written out without copying it. */
  private static final class Buffer extends ByteArrayOutputStream {
    Buffer() {
      super(1024);
    }

    byte[] array() {
      return buf;
    }
  }
}

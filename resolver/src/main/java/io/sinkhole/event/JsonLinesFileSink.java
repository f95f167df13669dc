package io.sinkhole.event;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;

/**
 * Appends one JSON object per line (UTF-8) to a file, the shape the Azure Monitor Agent's "Custom
 * JSON Logs" collection and most log shippers read. Each batch is flushed to the OS before the next
 * is taken, so a crash loses at most what the kernel had not written.
 */
public final class JsonLinesFileSink implements EventSink {
  private static final JsonFactory JSON = new JsonFactory();

  private final Path file;
  private final DnsEventsSchema schema;
  private final OutputStream out;
  private final JsonGenerator json;

  public JsonLinesFileSink(Path file, DnsEventsSchema schema) throws IOException {
    this.file = file;
    this.schema = schema;
    Path dir = file.toAbsolutePath().getParent();
    if (dir != null) {
      Files.createDirectories(dir);
    }
    this.out =
        new BufferedOutputStream(
            Files.newOutputStream(file, StandardOpenOption.CREATE, StandardOpenOption.APPEND),
            1 << 16);
    this.json = JSON.createGenerator(out, JsonEncoding.UTF8);
    json.setRootValueSeparator(null);
    json.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
  }

  @Override
  public String name() {
    return "file";
  }

  public Path file() {
    return file;
  }

  @Override
  public void write(List<DnsEvent> batch) throws IOException {
    for (DnsEvent e : batch) {
      schema.write(e, json);
      json.flush();
      out.write('\n');
    }
    out.flush();
  }

  @Override
  public void close() throws IOException {
    json.close();
    out.close();
  }
}

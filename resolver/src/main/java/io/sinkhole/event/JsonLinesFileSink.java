package io.sinkhole.event;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Predicate;

/**
 * Appends one JSON object per line (UTF-8) to a file, the shape the Azure Monitor Agent's "Custom
 * JSON Logs" collection and most log shippers read, with rotation by size and age into new file
 * names. Each batch is flushed to the OS before the next is taken, so a crash of Sinkhole loses
 * nothing written; a power loss can lose what the kernel had not written.
 */
public final class JsonLinesFileSink implements EventSink {
  private final String name;
  private final Path file;
  private final Rows rows;
  private final Predicate<DnsEvent> filter;
  private final RotatingFile out;

  /** One file, DnsEvents rows, every query, no rotation: the behaviour of {@code events.file}. */
  public JsonLinesFileSink(Path file, DnsEventsSchema schema) throws IOException {
    this("file", file, new Rows(schema), e -> true, new RotatingFile(file, 0, 0, 0, 0));
  }

  JsonLinesFileSink(
      String name, Path file, Rows rows, Predicate<DnsEvent> filter, RotatingFile out) {
    this.name = name;
    this.file = file;
    this.rows = rows;
    this.filter = filter;
    this.out = out;
  }

  @Override
  public String name() {
    return name;
  }

  public Path file() {
    return file;
  }

  @Override
  public int write(List<DnsEvent> batch) throws IOException {
    int accepted = 0;
    for (DnsEvent e : batch) {
      if (filter.test(e)) {
        int length = rows.write(e); // first: writing may grow the array
        out.writeLine(rows.array(), length);
        accepted++;
      }
    }
    out.flush();
    return accepted;
  }

  @Override
  public void close() throws IOException {
    out.close();
  }
}

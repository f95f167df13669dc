package io.sinkhole.event;

import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import java.util.function.Predicate;

/**
 * JSON lines on standard output, for container log collectors. The application log goes to standard
 * error (logback.xml), so stdout carries nothing but event rows.
 */
final class StdoutSink implements EventSink {
  private final String name;
  private final Rows rows;
  private final Predicate<DnsEvent> filter;
  private final OutputStream out;

  StdoutSink(String name, Rows rows, Predicate<DnsEvent> filter, OutputStream out) {
    this.name = name;
    this.rows = rows;
    this.filter = filter;
    this.out = out;
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public int write(List<DnsEvent> batch) throws IOException {
    int accepted = 0;
    for (DnsEvent e : batch) {
      if (filter.test(e)) {
        out.write(rows.bytes(e));
        out.write('\n');
        accepted++;
      }
    }
    out.flush();
    return accepted;
  }

  @Override
  public void close() throws IOException {
    out.flush(); // never close the process's stdout
  }
}

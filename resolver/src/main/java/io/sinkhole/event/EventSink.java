package io.sinkhole.event;

import java.io.IOException;
import java.util.List;

/**
 * A destination for events. Called only from the event writer thread, one batch at a time, so
 * implementations need no locking and may block without ever delaying an answer.
 */
public interface EventSink extends AutoCloseable {

  /** Short name used in metric labels and logs. */
  String name();

  /**
   * Writes the events of a batch that pass the sink's filter; throwing keeps the batch for the
   * pipeline to count and report.
   *
   * @return how many events the sink accepted (passed its filter and were written or spooled)
   */
  int write(List<DnsEvent> batch) throws IOException;

  @Override
  void close() throws IOException;
}

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

  /** Writes a batch; throwing keeps the batch for the pipeline to count and report. */
  void write(List<DnsEvent> batch) throws IOException;

  @Override
  void close() throws IOException;
}

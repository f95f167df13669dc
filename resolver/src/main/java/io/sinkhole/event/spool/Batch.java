package io.sinkhole.event.spool;

import java.util.List;

/**
 * Events read from the spool for one delivery, to be {@link Spool#ack acknowledged} once the
 * destination has them.
 *
 * @param rows the events' payloads, oldest first
 * @param arrayBytes size of the rows as one JSON array
 * @param start where the first event begins
 * @param end just past the last event
 */
public record Batch(List<byte[]> rows, long arrayBytes, Position start, Position end) {

  public int size() {
    return rows.size();
  }
}

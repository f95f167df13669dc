package io.sinkhole.event.spool;

/** A place in the spool: a segment's sequence number and a byte offset inside it. */
record Position(long segment, long offset) implements Comparable<Position> {

  @Override
  public int compareTo(Position o) {
    int c = Long.compare(segment, o.segment);
    return c != 0 ? c : Long.compare(offset, o.offset);
  }
}

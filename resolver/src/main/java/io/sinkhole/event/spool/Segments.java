package io.sinkhole.event.spool;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/** Names segment files and keeps one read channel open on the segment being read. */
final class Segments implements AutoCloseable {
  private static final String SUFFIX = ".seg";

  private final Path dir;
  private long openSeq = -1;
  private FileChannel open;

  Segments(Path dir) {
    this.dir = dir;
  }

  static Path path(Path dir, long seq) {
    return dir.resolve(String.format("%020d%s", seq, SUFFIX));
  }

  /** The sequence number of a segment file, or null for any other file. */
  static Long sequenceOf(Path p) {
    String name = p.getFileName().toString();
    if (!name.endsWith(SUFFIX) || name.length() != 20 + SUFFIX.length()) {
      return null;
    }
    try {
      return Long.parseLong(name.substring(0, 20));
    } catch (NumberFormatException e) {
      return null;
    }
  }

  /** The record at an offset of a segment; null at its end, at a torn record or if it is gone. */
  Record readAt(long seq, long offset) throws IOException {
    FileChannel ch = channel(seq);
    return ch == null ? null : Record.readAt(ch, offset);
  }

  /** How many whole records a segment holds from {@code offset} on. */
  int count(long seq, long offset) throws IOException {
    int n = 0;
    long p = offset;
    for (Record r = readAt(seq, p); r != null; r = readAt(seq, p)) {
      n++;
      p += r.size();
    }
    return n;
  }

  private FileChannel channel(long seq) throws IOException {
    if (seq != openSeq) {
      forget(openSeq);
      try {
        open = FileChannel.open(path(dir, seq), StandardOpenOption.READ);
      } catch (NoSuchFileException e) {
        return null;
      }
      openSeq = seq;
    }
    return open;
  }

  /** Closes the read channel if it is on {@code seq} (the segment is about to be deleted). */
  void forget(long seq) throws IOException {
    if (open != null && seq == openSeq) {
      open.close();
      open = null;
      openSeq = -1;
    }
  }

  @Override
  public void close() throws IOException {
    forget(openSeq);
  }
}

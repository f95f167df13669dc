package io.sinkhole.event.spool;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * A directory of append-only segment files ({@code <sequence>.seg}, {@link Record} format) and an
 * {@link AckFile}. The event writer thread appends; one sender thread reads batches from the acked
 * position and acknowledges them after delivery. Reading never moves the acked position, so after a
 * crash or restart delivery resumes at the first unconfirmed event (at least once).
 *
 * <p>Fsync policy: appended bytes reach the kernel before {@link #append} returns, so {@code kill
 * -9} of the process loses nothing appended. They reach the disk at the next {@link #syncIfDue} at
 * most {@code fsyncInterval} later (0: at every append), which bounds what a power loss can take. A
 * record torn by a crash fails its checksum and ends its segment; every open starts a new segment,
 * so a torn tail is never appended to.
 *
 * <p>Size bound: past {@code maxBytes} either the new events are refused (drop newest) or whole
 * oldest segments are deleted (drop oldest); both report the events lost to a {@link DropListener}.
 */
public final class Spool implements AutoCloseable {
  /** Told about events the spool gave up on. */
  public interface DropListener {
    void dropped(int events, String reason);
  }

  private final Path dir;
  private final long maxBytes;
  private final long segmentBytes;
  private final boolean dropOldest;
  private final long fsyncNanos;
  private final DropListener drops;
  private final AckFile ackFile;
  private final TreeMap<Long, Long> segments = new TreeMap<>();
  private final Segments channels;
  private Position acked;
  private long activeSeq;
  private FileChannel active;
  private volatile long totalBytes;
  private volatile long oldestMillis;
  private boolean dirty;
  private long lastSync = System.nanoTime();

  private Spool(
      Path dir,
      long maxBytes,
      long segmentBytes,
      boolean dropOldest,
      long fsyncMs,
      DropListener drops) {
    this.dir = dir;
    this.maxBytes = maxBytes;
    this.segmentBytes = segmentBytes;
    this.dropOldest = dropOldest;
    this.fsyncNanos = fsyncMs * 1_000_000L;
    this.drops = drops;
    this.ackFile = new AckFile(dir);
    this.channels = new Segments(dir);
  }

  /** Opens (or creates) the spool in {@code dir} and starts a new segment for appends. */
  public static Spool open(
      Path dir,
      long maxBytes,
      long segmentBytes,
      boolean dropOldest,
      long fsyncIntervalMs,
      DropListener drops)
      throws IOException {
    Files.createDirectories(dir);
    Spool s = new Spool(dir, maxBytes, segmentBytes, dropOldest, fsyncIntervalMs, drops);
    s.load();
    return s;
  }

  private void load() throws IOException {
    try (Stream<Path> list = Files.list(dir)) {
      for (Path p : (Iterable<Path>) list::iterator) {
        Long seq = Segments.sequenceOf(p);
        if (seq != null) {
          segments.put(seq, Files.size(p));
        }
      }
    }
    Position saved = ackFile.read();
    acked = saved == null ? new Position(0, 0) : saved;
    while (!segments.isEmpty() && segments.firstKey() < acked.segment()) {
      deleteSegment(segments.firstKey()); // fully delivered before the last stop
    }
    if (!segments.isEmpty() && segments.firstKey() > acked.segment()) {
      acked = new Position(segments.firstKey(), 0); // its segment was dropped (drop oldest)
    }
    long next = segments.isEmpty() ? acked.segment() : segments.lastKey() + 1;
    startSegment(Math.max(next, acked.segment()));
    if (acked.segment() != segments.firstKey()) {
      acked = new Position(segments.firstKey(), 0);
    }
    totalBytes = segments.values().stream().mapToLong(Long::longValue).sum();
    oldestMillis = peekTime(acked);
  }

  /**
   * Appends events (timeMillis, payload pairs) and returns how many were accepted; the others were
   * refused under drop newest and reported.
   */
  public synchronized int append(List<Record> records) throws IOException {
    int accepted = 0;
    ByteBuffer buf = ByteBuffer.allocate(records.stream().mapToInt(Record::size).sum());
    for (Record r : records) {
      if (totalBytes + r.size() > maxBytes) {
        writeOut(buf); // segment sizes must be on disk before whole segments are dropped
        if (!makeRoom(r.size())) {
          drops.dropped(1, "spool_full");
          continue;
        }
      }
      if (segments.get(activeSeq) + buf.position() + r.size() > segmentBytes) {
        writeOut(buf);
        startSegment(activeSeq + 1);
      }
      r.writeTo(buf);
      totalBytes += r.size();
      accepted++;
      if (oldestMillis == 0) {
        oldestMillis = r.timeMillis();
      }
    }
    writeOut(buf);
    syncIfDue();
    return accepted;
  }

  /** Appends one event; see {@link #append(List)}. */
  public int append(long timeMillis, byte[] payload) throws IOException {
    return append(List.of(new Record(timeMillis, payload)));
  }

  private void writeOut(ByteBuffer buf) throws IOException {
    buf.flip();
    int n = buf.remaining();
    while (buf.hasRemaining()) {
      active.write(buf);
    }
    buf.clear();
    segments.merge(activeSeq, (long) n, Long::sum);
    dirty |= n > 0;
  }

  /** Under drop oldest, deletes whole oldest segments until {@code size} more bytes fit. */
  private boolean makeRoom(int size) throws IOException {
    if (!dropOldest) {
      return false;
    }
    while (totalBytes + size > maxBytes) {
      if (segments.size() == 1) {
        if (segments.get(activeSeq) == 0) {
          return false; // one event larger than the whole spool
        }
        startSegment(activeSeq + 1);
      }
      long oldest = segments.firstKey();
      long from = oldest == acked.segment() ? acked.offset() : 0;
      int lost = channels.count(oldest, from);
      deleteSegment(oldest);
      if (acked.segment() <= oldest) {
        acked = new Position(segments.firstKey(), 0);
        oldestMillis = peekTime(acked);
      }
      drops.dropped(lost, "spool_full");
    }
    return true;
  }

  /**
   * Reads the events (at least one) whose JSON array {@code [a,b,...]} fits in {@code
   * maxArrayBytes}, from the acked position; null when everything is delivered. Segments read to
   * the end are deleted as it passes them.
   */
  public synchronized Batch read(long maxArrayBytes) throws IOException {
    while (true) {
      List<byte[]> rows = new ArrayList<>();
      long bytes = 2;
      long offset = acked.offset();
      for (Record r = channels.readAt(acked.segment(), offset);
          r != null && (rows.isEmpty() || bytes + r.payload().length + 1 <= maxArrayBytes);
          r = channels.readAt(acked.segment(), offset)) {
        bytes += r.payload().length + (rows.isEmpty() ? 0 : 1);
        rows.add(r.payload());
        offset += r.size();
      }
      if (!rows.isEmpty()) {
        return new Batch(rows, bytes, acked, new Position(acked.segment(), offset));
      }
      if (acked.segment() == activeSeq) {
        return null;
      }
      long done = acked.segment();
      acked = new Position(segments.higherKey(done), 0);
      ackFile.write(acked);
      deleteSegment(done);
    }
  }

  /** Records that {@code batch} reached its destination; ignored if it was dropped meanwhile. */
  public synchronized void ack(Batch batch) throws IOException {
    if (!batch.start().equals(acked)) {
      return;
    }
    acked = batch.end();
    ackFile.write(acked);
    oldestMillis = peekTime(acked);
  }

  /** Fsyncs the active segment if the fsync interval has passed since the last one. */
  public synchronized void syncIfDue() throws IOException {
    long now = System.nanoTime();
    if (dirty && now - lastSync >= fsyncNanos) {
      active.force(false);
      dirty = false;
      lastSync = now;
    }
  }

  /** Bytes of the segment files, delivered or not. */
  public long sizeBytes() {
    return totalBytes;
  }

  /** Epoch millis of the oldest undelivered event, or 0 when all are delivered. */
  public long oldestUndeliveredMillis() {
    return oldestMillis;
  }

  private long peekTime(Position p) throws IOException {
    Record r = channels.readAt(p.segment(), p.offset());
    if (r == null && p.segment() != activeSeq && segments.higherKey(p.segment()) != null) {
      return peekTime(new Position(segments.higherKey(p.segment()), 0));
    }
    return r == null ? 0 : r.timeMillis();
  }

  private void startSegment(long seq) throws IOException {
    if (active != null) {
      active.force(false);
      active.close();
    }
    Path p = Segments.path(dir, seq);
    active =
        FileChannel.open(
            p, StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.APPEND);
    activeSeq = seq;
    segments.putIfAbsent(seq, Files.size(p));
  }

  private void deleteSegment(long seq) throws IOException {
    Long size = segments.remove(seq);
    totalBytes -= size == null ? 0 : size;
    channels.forget(seq);
    Files.deleteIfExists(Segments.path(dir, seq));
  }

  @Override
  public synchronized void close() throws IOException {
    active.force(false);
    active.close();
    channels.close();
  }

  /** For tests: the segment files present, oldest first. */
  synchronized Map<Long, Long> segmentSizes() {
    return new TreeMap<>(segments);
  }
}

package io.sinkhole.event;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An append-only file that is renamed aside when it grows past a size or an age, and a fresh file
 * started under the configured name. Rotated files are named {@code <stem>-<UTC time>.<ext>} so
 * that they sort by age and match a collector's wildcard such as {@code dns-events*.jsonl}.
 * Renaming keeps the inode, so a collector that follows the file by inode reads it to the end.
 */
final class RotatingFile implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(RotatingFile.class);
  private static final DateTimeFormatter STAMP =
      DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss.SSS'Z'").withZone(ZoneOffset.UTC);

  private final Path file;
  private final long maxBytes;
  private final long maxAgeMillis;
  private final int keepFiles;
  private final long keepMillis;
  private OutputStream out;
  private long written;

  /** True between the first line of a batch and its flush. */
  private boolean inBatch;

  /** File length when the current batch began: a failed batch is cut back to it. */
  private long batchStart;

  private long openedAt;

  RotatingFile(Path file, long maxBytes, long maxAgeMillis, int keepFiles, long keepMillis)
      throws IOException {
    this.file = file;
    this.maxBytes = maxBytes;
    this.maxAgeMillis = maxAgeMillis;
    this.keepFiles = keepFiles;
    this.keepMillis = keepMillis;
    Path dir = file.toAbsolutePath().getParent();
    if (dir != null) {
      Files.createDirectories(dir);
    }
    open();
  }

  private void open() throws IOException {
    out =
        new BufferedOutputStream(
            Files.newOutputStream(file, StandardOpenOption.CREATE, StandardOpenOption.APPEND),
            1 << 16);
    written = Files.size(file);
    openedAt = System.currentTimeMillis();
    endPartialLine();
  }

  /** Appends one line; the caller flushes once per batch. */
  void writeLine(byte[] row) throws IOException {
    writeLine(row, row.length);
  }

  /** Appends the first {@code length} bytes of {@code row} as one line; the caller flushes. */
  void writeLine(byte[] row, int length) throws IOException {
    if (out != null && !inBatch && !Files.exists(file)) {
      // Removed by hand or by a log shipper: start a new file instead of writing into the void.
      discard();
    }
    if (out == null) {
      open();
    }
    if (!inBatch) {
      batchStart = written;
    }
    inBatch = true;
    try {
      out.write(row, 0, length);
      out.write('\n');
      written += length + 1;
    } catch (IOException e) {
      discard();
      throw e;
    }
  }

  /**
   * After a failed write (a full disk) the buffer still holds what did not fit; writing it again
   * later would repeat lines or tear one. Drop it and start clean at the next write, and end any
   * torn last line so that the next row starts on its own line.
   */
  private void discard() {
    java.io.OutputStream broken = out;
    out = null;
    boolean failedBatch = inBatch;
    inBatch = false;
    try {
      // Closing flushes again and fails again; the descriptor is released either way.
      broken.close();
    } catch (IOException ignored) {
      // expected: the same failure
    }
    if (failedBatch) {
      cutBackToBatchStart();
    }
  }

  /**
   * The whole failed batch is counted as dropped, so whatever part of it reached the file (a torn
   * row included) is cut off: the file then holds whole rows only, each counted as accepted.
   */
  private void cutBackToBatchStart() {
    try (java.nio.channels.FileChannel ch =
        java.nio.channels.FileChannel.open(file, StandardOpenOption.WRITE)) {
      if (ch.size() > batchStart) {
        ch.truncate(batchStart);
      }
    } catch (IOException e) {
      // The file may be gone or the device refuse even this; the next open ends a torn line.
    }
  }

  private void endPartialLine() throws IOException {
    if (written == 0) {
      return;
    }
    try (java.nio.channels.FileChannel ch =
        java.nio.channels.FileChannel.open(file, StandardOpenOption.READ)) {
      java.nio.ByteBuffer last = java.nio.ByteBuffer.allocate(1);
      ch.read(last, written - 1);
      if (last.get(0) != '\n') {
        out.write('\n');
        out.flush();
        written++;
      }
    }
  }

  /** Flushes the batch to the OS, then rotates if the file is due. */
  void flush() throws IOException {
    inBatch = false;
    if (out == null) {
      return;
    }
    try {
      out.flush();
    } catch (IOException e) {
      discard();
      throw e;
    }
    boolean bySize = maxBytes > 0 && written >= maxBytes;
    boolean byAge = maxAgeMillis > 0 && System.currentTimeMillis() - openedAt >= maxAgeMillis;
    if ((bySize || byAge) && written > 0) {
      rotate();
    }
  }

  private void rotate() throws IOException {
    out.close();
    out = null;
    Path target = file.resolveSibling(stem() + "-" + STAMP.format(Instant.now()) + ext());
    Files.move(file, target);
    open();
    enforceRetention();
  }

  /** Deletes the oldest rotated files beyond the count, and those older than the age. */
  void enforceRetention() throws IOException {
    List<Path> rotated = rotatedFiles();
    long now = System.currentTimeMillis();
    for (int i = 0; i < rotated.size(); i++) {
      Path p = rotated.get(i);
      boolean tooMany = keepFiles > 0 && i < rotated.size() - keepFiles;
      boolean tooOld = keepMillis > 0 && now - Files.getLastModifiedTime(p).toMillis() > keepMillis;
      if (tooMany || tooOld) {
        Files.deleteIfExists(p);
        LOG.debug("deleted rotated event file {}", p);
      }
    }
  }

  /** Rotated files of this sink, oldest first. */
  List<Path> rotatedFiles() throws IOException {
    Path dir = file.toAbsolutePath().getParent();
    String prefix = stem() + "-";
    List<Path> out = new ArrayList<>();
    try (Stream<Path> list = Files.list(dir)) {
      list.filter(p -> isRotated(p.getFileName().toString(), prefix)).sorted().forEach(out::add);
    }
    return out;
  }

  private boolean isRotated(String name, String prefix) {
    return name.startsWith(prefix)
        && name.endsWith(ext())
        && name.length() == prefix.length() + 20 + ext().length();
  }

  private String stem() {
    String name = file.getFileName().toString();
    int dot = name.lastIndexOf('.');
    return dot > 0 ? name.substring(0, dot) : name;
  }

  private String ext() {
    String name = file.getFileName().toString();
    int dot = name.lastIndexOf('.');
    return dot > 0 ? name.substring(dot) : "";
  }

  @Override
  public void close() throws IOException {
    if (out != null) {
      out.close();
    }
  }
}

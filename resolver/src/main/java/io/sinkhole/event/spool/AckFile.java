package io.sinkhole.event.spool;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

/**
 * The position up to which the destination has confirmed every event, as one text line {@code
 * "<segment> <offset>"}. Written to a temporary file, fsynced, then renamed over the old one, so a
 * crash leaves either the old or the new position, never a torn one.
 */
final class AckFile {
  private final Path file;
  private final Path temp;

  AckFile(Path dir) {
    this.file = dir.resolve("acked");
    this.temp = dir.resolve("acked.tmp");
  }

  /** The saved position, or null when nothing was ever acknowledged. */
  Position read() throws IOException {
    if (!Files.exists(file)) {
      return null;
    }
    String[] parts = Files.readString(file).trim().split(" ");
    try {
      return new Position(Long.parseLong(parts[0]), Long.parseLong(parts[1]));
    } catch (RuntimeException e) {
      throw new IOException(file + ": not a spool position: " + String.join(" ", parts), e);
    }
  }

  void write(Position p) throws IOException {
    byte[] text = (p.segment() + " " + p.offset() + "\n").getBytes(StandardCharsets.US_ASCII);
    try (FileChannel ch =
        FileChannel.open(
            temp,
            StandardOpenOption.CREATE,
            StandardOpenOption.WRITE,
            StandardOpenOption.TRUNCATE_EXISTING)) {
      ch.write(ByteBuffer.wrap(text));
      ch.force(true);
    }
    Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
  }
}

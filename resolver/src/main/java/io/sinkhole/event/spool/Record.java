package io.sinkhole.event.spool;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.util.zip.CRC32C;

/**
 * One spooled event on disk: {@code int length, int crc32c(payload), long timeMillis, payload}. The
 * checksum finds a record torn by a crash in the middle of a write.
 *
 * @param timeMillis when the event happened, for the oldest-undelivered age
 * @param payload the row as sent
 */
public record Record(long timeMillis, byte[] payload) {
  static final int HEADER = 16;

  int size() {
    return HEADER + payload.length;
  }

  void writeTo(ByteBuffer out) {
    CRC32C crc = new CRC32C();
    crc.update(payload);
    out.putInt(payload.length).putInt((int) crc.getValue()).putLong(timeMillis).put(payload);
  }

  /** The record at {@code position}, or null at the end of the data or at a torn record. */
  static Record readAt(FileChannel ch, long position) throws IOException {
    ByteBuffer header = ByteBuffer.allocate(HEADER);
    if (!readFully(ch, header, position)) {
      return null;
    }
    header.flip();
    int length = header.getInt();
    int crc = header.getInt();
    long time = header.getLong();
    if (length < 0 || length > ch.size() - position - HEADER) {
      return null;
    }
    ByteBuffer payload = ByteBuffer.allocate(length);
    if (!readFully(ch, payload, position + HEADER)) {
      return null;
    }
    CRC32C check = new CRC32C();
    check.update(payload.array());
    return (int) check.getValue() == crc ? new Record(time, payload.array()) : null;
  }

  private static boolean readFully(FileChannel ch, ByteBuffer buf, long position)
      throws IOException {
    long p = position;
    while (buf.hasRemaining()) {
      int n = ch.read(buf, p);
      if (n < 0) {
        return false;
      }
      p += n;
    }
    return true;
  }
}

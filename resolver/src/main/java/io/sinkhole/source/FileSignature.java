package io.sinkhole.source;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;

/**
 * What a file looks like from the outside: modification time, size and identity (the inode, so that
 * a file replaced by rename is noticed even when time and size match).
 */
record FileSignature(FileTime modified, long size, Object key) {
  /** A missing or unreadable file. */
  static final FileSignature ABSENT = new FileSignature(FileTime.fromMillis(0), -1, null);

  static FileSignature of(Path file) {
    try {
      BasicFileAttributes a = Files.readAttributes(file, BasicFileAttributes.class);
      return new FileSignature(a.lastModifiedTime(), a.size(), a.fileKey());
    } catch (IOException e) {
      return ABSENT;
    }
  }
}

package io.sinkhole.source;

import java.nio.file.Files;
import java.nio.file.Path;

/** A feed read straight from a file; the file itself is the last good copy. */
final class LocalFileSource implements FeedSource {
  private final Path file;

  LocalFileSource(Path file) {
    this.file = file;
  }

  Path file() {
    return file;
  }

  @Override
  public String origin() {
    return file.toString();
  }

  @Override
  public Path fetch(boolean conditional) throws FeedRejectedException {
    if (!Files.isRegularFile(file)) {
      throw new FeedRejectedException("missing", "file not found: " + file);
    }
    return file;
  }

  @Override
  public void keep() {}

  @Override
  public void discard() {}

  @Override
  public Path savedCopy() {
    return null;
  }
}

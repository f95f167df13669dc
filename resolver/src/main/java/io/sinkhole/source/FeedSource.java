package io.sinkhole.source;

import java.nio.file.Path;

/** Where one feed's bytes come from: a local file or a URL with a saved last good copy. */
interface FeedSource {
  /** The path or URL, for log lines. */
  String origin();

  /**
   * Fetches the current content.
   *
   * @param conditional whether an unchanged remote feed may answer "not modified"
   * @return the file to parse, or null when the content is unchanged since the last good fetch
   */
  Path fetch(boolean conditional) throws FeedRejectedException;

  /** The fetched file was accepted: it becomes the last good copy. */
  void keep();

  /** The fetched file was refused: forget it so that the next fetch downloads it again. */
  void discard();

  /** The last good copy kept from an earlier run, or null when there is none or no need. */
  Path savedCopy();
}

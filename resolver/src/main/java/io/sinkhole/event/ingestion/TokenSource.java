package io.sinkhole.event.ingestion;

import java.io.IOException;

/** Bearer tokens for scope {@code https://monitor.azure.com/.default}, cached until near expiry. */
interface TokenSource {
  String SCOPE = "https://monitor.azure.com/.default";

  /** A token valid for at least a few more minutes. */
  String token() throws IOException;

  /** Forgets the cached token (after a 401). */
  void invalidate();
}

package io.sinkhole.event.ingestion;

import java.io.IOException;

/** Caches a token until five minutes before it expires, the margin azure-identity also uses. */
abstract class CachedToken implements TokenSource {
  private static final long MARGIN_MILLIS = 5 * 60_000L;

  private String token;
  private long expiresAtMillis;

  /** A fresh token and its expiry, epoch millis. */
  protected abstract Fresh fetch() throws IOException;

  record Fresh(String token, long expiresAtMillis) {}

  @Override
  public synchronized String token() throws IOException {
    if (token == null || System.currentTimeMillis() >= expiresAtMillis - MARGIN_MILLIS) {
      Fresh f = fetch();
      token = f.token();
      expiresAtMillis = f.expiresAtMillis();
    }
    return token;
  }

  @Override
  public synchronized void invalidate() {
    token = null;
  }
}

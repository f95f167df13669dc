package io.sinkhole.config;

import java.util.Objects;

/**
 * TCP limits (RFC 7766 section 6.2).
 *
 * @param idleTimeoutMs a connection with no traffic for this long is closed (section 6.2.3)
 * @param maxConnections connections beyond this many are closed as soon as they are accepted
 * @param maxQueriesPerConnection queries in flight on one connection before Sinkhole stops reading
 *     from it until answers drain
 */
public record Tcp(Integer idleTimeoutMs, Integer maxConnections, Integer maxQueriesPerConnection) {
  public Tcp {
    idleTimeoutMs = Objects.requireNonNullElse(idleTimeoutMs, 10_000);
    maxConnections = Objects.requireNonNullElse(maxConnections, 1024);
    maxQueriesPerConnection = Objects.requireNonNullElse(maxQueriesPerConnection, 32);
    Ranges.check("idle_timeout_ms", idleTimeoutMs, 50, 600_000);
    Ranges.check("max_connections", maxConnections, 1, 1_000_000);
    Ranges.check("max_queries_per_connection", maxQueriesPerConnection, 1, 65_535);
  }

  static Tcp defaults() {
    return new Tcp(null, null, null);
  }
}

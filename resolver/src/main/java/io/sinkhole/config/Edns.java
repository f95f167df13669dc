package io.sinkhole.config;

import java.util.Objects;

/**
 * EDNS0 (RFC 6891).
 *
 * @param udpPayload the largest UDP answer sent, whatever a client advertises; 1232 is the DNS Flag
 *     Day 2020 value that avoids IP fragmentation on common paths
 */
public record Edns(Integer udpPayload) {
  public Edns {
    udpPayload = Objects.requireNonNullElse(udpPayload, 1232);
    // RFC 6891 section 6.2.5: values below 512 are treated as 512.
    Ranges.check("udp_payload", udpPayload, 512, 4096);
  }

  static Edns defaults() {
    return new Edns(null);
  }
}

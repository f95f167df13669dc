package io.sinkhole.wire;

import java.nio.charset.StandardCharsets;

/**
 * An Extended DNS Error option (RFC 8914) attached to answers Sinkhole makes up, so that a client
 * or an analyst with dig can tell a block from a real NXDOMAIN.
 *
 * @param code INFO-CODE, for example 15 (Blocked) or 17 (Filtered)
 * @param text EXTRA-TEXT, UTF-8, kept short; may be empty
 */
public record ExtendedError(int code, String text) {
  public static final int BLOCKED = 15;
  public static final int FILTERED = 17;
  public static final int PROHIBITED = 18;
  static final int OPTION_CODE = 15;

  byte[] textBytes() {
    return text.getBytes(StandardCharsets.UTF_8);
  }
}

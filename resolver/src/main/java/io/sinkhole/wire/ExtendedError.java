package io.sinkhole.wire;

import java.nio.charset.StandardCharsets;

/**
 * An Extended DNS Error option (RFC 8914) attached to answers Sinkhole makes up, so that a client
 * or an analyst with dig can tell a block from a real NXDOMAIN. Immutable; the text is encoded
 * once, since the same option goes into every answer blocked by one feed (issue #5).
 */
public final class ExtendedError {
  public static final int BLOCKED = 15;
  public static final int FILTERED = 17;
  public static final int PROHIBITED = 18;
  static final int OPTION_CODE = 15;

  private final int code;
  private final String text;
  private final byte[] textBytes;

  /**
   * @param code INFO-CODE, for example 15 (Blocked) or 17 (Filtered)
   * @param text EXTRA-TEXT, UTF-8, kept short; may be empty
   */
  public ExtendedError(int code, String text) {
    this.code = code;
    this.text = text;
    this.textBytes = text.getBytes(StandardCharsets.UTF_8);
  }

  public int code() {
    return code;
  }

  public String text() {
    return text;
  }

  /** The encoded text; callers copy it and never change it. */
  byte[] textBytes() {
    return textBytes;
  }
}

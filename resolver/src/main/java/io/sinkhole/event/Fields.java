package io.sinkhole.event;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetEncoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Writes string columns within Log Analytics' limit of 64 KB per field. A longer value (a client
 * can send a 255-byte name, but a feed's reference or rule text has no bound) is cut visibly rather
 * than letting the service reject or silently cut the whole row.
 */
final class Fields {
  static final int MAX_FIELD_BYTES = 64 * 1024;
  static final String TRUNCATED = "…[truncated]";
  private static final int SUFFIX_BYTES = TRUNCATED.getBytes(StandardCharsets.UTF_8).length;
  private static final byte[] REPLACEMENT = "\ufffd".getBytes(StandardCharsets.UTF_8);

  private Fields() {}

  static void string(JsonRow out, byte[] field, String value) {
    out.field(field, limit(value == null ? "" : value));
  }

  static void string(JsonRow out, String field, String value) {
    out.field(field, limit(value == null ? "" : value));
  }

  /** A column the schema requires on every row, written even when empty. */
  static void required(JsonRow out, String field, String value) {
    out.required(field, limit(value == null ? "" : value));
  }

  /** A value with a known small bound (an address, a type mnemonic, a feed name). */
  static void text(JsonRow out, byte[] field, String value) {
    out.field(field, value);
  }

  static void number(JsonRow out, byte[] field, long value) {
    out.field(field, value);
  }

  /**
   * Milliseconds with microsecond precision, the text {@code Double.toString(micros / 1000.0)}
   * gives ({@code 0.021}, {@code 1.5}, {@code 3.0}) without formatting a double per row.
   */
  static void millis(JsonRow out, byte[] field, long micros) {
    if (micros < 0 || micros >= 10_000_000_000L) {
      out.numberText(field, Double.toString(micros / 1000.0));
      return;
    }
    out.millis(field, micros);
  }

  /** The value itself when it fits in 64 KB of UTF-8, else a prefix that fits with the marker. */
  static String limit(String s) {
    if (s.length() * 3 <= MAX_FIELD_BYTES) {
      return s;
    }
    byte[] utf8 = utf8AsWritten(s);
    if (utf8.length <= MAX_FIELD_BYTES) {
      return s;
    }
    int cut = MAX_FIELD_BYTES - SUFFIX_BYTES;
    while (cut > 0 && (utf8[cut] & 0xC0) == 0x80) {
      cut--; // never split a multi-byte character
    }
    return new String(utf8, 0, cut, StandardCharsets.UTF_8) + TRUNCATED;
  }

  // The bytes JsonRow writes: a lone surrogate becomes U+FFFD (3 bytes), where String.getBytes
  // would write '?' (1 byte) and let a field of them pass the limit three times over.
  private static byte[] utf8AsWritten(String s) {
    CharsetEncoder encoder =
        StandardCharsets.UTF_8
            .newEncoder()
            .onMalformedInput(CodingErrorAction.REPLACE)
            .replaceWith(REPLACEMENT);
    try {
      ByteBuffer out = encoder.encode(CharBuffer.wrap(s));
      return Arrays.copyOfRange(out.array(), out.arrayOffset(), out.arrayOffset() + out.limit());
    } catch (CharacterCodingException e) {
      throw new IllegalStateException("UTF-8 encoding with replacement cannot fail", e);
    }
  }
}

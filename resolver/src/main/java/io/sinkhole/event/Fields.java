package io.sinkhole.event;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.SerializableString;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * Writes string columns within Log Analytics' limit of 64 KB per field. A longer value (a client
 * can send a 255-byte name, but a feed's reference or rule text has no bound) is cut visibly rather
 * than letting the service reject or silently cut the whole row.
 */
final class Fields {
  static final int MAX_FIELD_BYTES = 64 * 1024;
  static final String TRUNCATED = "…[truncated]";
  private static final int SUFFIX_BYTES = TRUNCATED.getBytes(StandardCharsets.UTF_8).length;

  private Fields() {}

  static void string(JsonGenerator out, String field, String value) throws IOException {
    out.writeStringField(field, limit(value == null ? "" : value));
  }

  static void string(JsonGenerator out, SerializableString field, String value) throws IOException {
    text(out, field, limit(value == null ? "" : value));
  }

  /** A value with a known small bound (an address, a type mnemonic, a feed name). */
  static void text(JsonGenerator out, SerializableString field, String value) throws IOException {
    out.writeFieldName(field);
    out.writeString(value);
  }

  static void number(JsonGenerator out, SerializableString field, int value) throws IOException {
    out.writeFieldName(field);
    out.writeNumber(value);
  }

  /**
   * Milliseconds with microsecond precision, the text {@code Double.toString(micros / 1000.0)}
   * gives ({@code 0.021}, {@code 1.5}, {@code 3.0}) without formatting a double per row.
   */
  static void millis(JsonGenerator out, SerializableString field, long micros) throws IOException {
    out.writeFieldName(field);
    if (micros < 0 || micros >= 10_000_000_000L) {
      out.writeNumber(micros / 1000.0);
      return;
    }
    long whole = micros / 1000;
    int frac = (int) (micros % 1000);
    if (frac == 0) {
      out.writeNumber(whole + ".0");
      return;
    }
    String digits = Integer.toString(1000 + frac).substring(1);
    int end = digits.length();
    while (digits.charAt(end - 1) == '0') {
      end--;
    }
    out.writeNumber(whole + "." + digits.substring(0, end));
  }

  /** The value itself when it fits in 64 KB of UTF-8, else a prefix that fits with the marker. */
  static String limit(String s) {
    if (s.length() * 3 <= MAX_FIELD_BYTES) {
      return s;
    }
    byte[] utf8 = s.getBytes(StandardCharsets.UTF_8);
    if (utf8.length <= MAX_FIELD_BYTES) {
      return s;
    }
    int cut = MAX_FIELD_BYTES - SUFFIX_BYTES;
    while (cut > 0 && (utf8[cut] & 0xC0) == 0x80) {
      cut--; // never split a multi-byte character
    }
    return new String(utf8, 0, cut, StandardCharsets.UTF_8) + TRUNCATED;
  }
}

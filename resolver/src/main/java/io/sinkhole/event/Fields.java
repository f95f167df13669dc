package io.sinkhole.event;

import com.fasterxml.jackson.core.JsonGenerator;
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

package io.sinkhole.event;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Writes one flat JSON object (one level of nesting at most) as UTF-8 into a reused array.
 *
 * <p>Every query becomes a row, and on one core the row writer competes with answering (issue #5).
 * Rows are flat, their column names are constants encoded once ({@link #key}), and most values are
 * short ASCII, copied byte for byte; anything else is escaped as RFC 8259 section 7 requires and
 * encoded as UTF-8. Not thread-safe: one per writer.
 */
public final class JsonRow {
  private static final byte[] HEX = "0123456789abcdef".getBytes(StandardCharsets.US_ASCII);
  private static final byte[] TRUE = "true".getBytes(StandardCharsets.US_ASCII);
  private static final byte[] FALSE = "false".getBytes(StandardCharsets.US_ASCII);

  private static final int CONSTANTS = 256;
  private static final int PROBES = 4;

  private byte[] buf = new byte[1024];
  private final String[] constants = new String[CONSTANTS];
  private final byte[][] encodedConstants = new byte[CONSTANTS][];
  private int size;
  private boolean first;
  private final boolean omitEmpty;

  /** A row that writes every string column, empty ones included. */
  public JsonRow() {
    this(false);
  }

  /**
   * @param omitEmpty leave out string fields whose value is empty or null. Log Analytics stores a
   *     string column that a row lacks as empty, so a table fed such rows is the same, and rows are
   *     up to 40 % shorter (issue #5, README "Event sinks").
   */
  public JsonRow(boolean omitEmpty) {
    this.omitEmpty = omitEmpty;
  }

  /** A column name, quoted and followed by its colon, ready to be copied into rows. */
  static byte[] key(String name) {
    JsonRow r = new JsonRow();
    r.string(name);
    r.put((byte) ':');
    return Arrays.copyOf(r.buf, r.size);
  }

  /** Empties the row and opens its object. */
  void start() {
    size = 0;
    put((byte) '{');
    first = true;
  }

  void end() {
    put((byte) '}');
    first = false;
  }

  /** Opens a nested object as the value of {@code key}; close it with {@link #end()}. */
  void object(byte[] key) {
    name(key);
    put((byte) '{');
    first = true;
  }

  void field(byte[] key, String value) {
    if (omitEmpty && (value == null || value.isEmpty())) {
      return;
    }
    name(key);
    string(value == null ? "" : value);
  }

  void field(byte[] key, long value) {
    name(key);
    number(value);
  }

  void field(byte[] key, boolean value) {
    name(key);
    raw(value ? TRUE : FALSE);
  }

  /** The same with a name given as text: for rows written less often than DnsEvents rows. */
  void field(String key, String value) {
    if (omitEmpty && (value == null || value.isEmpty())) {
      return;
    }
    name(key);
    string(value == null ? "" : value);
  }

  /** A string field written even when empty: a column the target schema requires on every row. */
  void required(String key, String value) {
    name(key);
    string(value == null ? "" : value);
  }

  void field(String key, long value) {
    name(key);
    number(value);
  }

  void field(String key, boolean value) {
    name(key);
    raw(value ? TRUE : FALSE);
  }

  void object(String key) {
    name(key);
    put((byte) '{');
    first = true;
  }

  /** Opens a string value of {@code key}, written in parts with {@link #append}. */
  void openString(byte[] key) {
    name(key);
    put((byte) '"');
  }

  /** One part of a string opened with {@link #openString}, escaped and encoded. */
  void append(String part) {
    ensure(6 * part.length());
    size = chars(part, buf, size);
  }

  void closeString() {
    put((byte) '"');
  }

  /**
   * A string field whose value comes from a small set of long-lived strings (the computer name, a
   * query type mnemonic, a feed name, "udp"): each is escaped and encoded once and then copied. The
   * cache holds the last value seen per slot and compares by identity, so a value built per row is
   * still written correctly, only without the saving.
   */
  void constant(byte[] key, String value) {
    if (value == null || value.isEmpty()) {
      field(key, value);
      return;
    }
    name(key);
    raw(encodedConstant(value));
  }

  /**
   * The encoding of {@code value}, made once per object: a row has about a dozen such values, so a
   * slot taken by another one is passed over for one of the next few (a direct-mapped table of 64
   * slots re-encoded, and allocated, two colliding values on every row).
   */
  byte[] encodedConstant(String value) {
    int h = value.hashCode();
    int free = -1;
    for (int i = 0; i < PROBES; i++) {
      int slot = (h + i) & (CONSTANTS - 1);
      String there = constants[slot];
      if (there == value) {
        return encodedConstants[slot];
      }
      if (there == null && free < 0) {
        free = slot;
      }
    }
    int slot = free >= 0 ? free : h & (CONSTANTS - 1);
    int start = size;
    string(value);
    byte[] encoded = Arrays.copyOfRange(buf, start, size);
    size = start;
    constants[slot] = value;
    encodedConstants[slot] = encoded;
    return encoded;
  }

  /**
   * A string field from bytes already in JSON string form, quotes included: the caller made them
   * with {@link #quoted} and keeps them for many rows.
   */
  void encoded(byte[] key, byte[] quoted) {
    name(key);
    raw(quoted);
  }

  /** {@code value} as a quoted, escaped JSON string in UTF-8, for {@link #encoded}. */
  static byte[] quoted(String value) {
    JsonRow r = new JsonRow();
    r.string(value);
    return Arrays.copyOf(r.buf, r.size);
  }

  /**
   * An ISO-8601 time field from the text of its second, quote included ({@code
   * "2024-05-01T12:34:56.}), and the milliseconds: the row writes the rest.
   */
  void time(byte[] key, byte[] quotedSecond, int millis) {
    name(key);
    raw(quotedSecond);
    ensure(5);
    buf[size++] = (byte) ('0' + millis / 100);
    buf[size++] = (byte) ('0' + millis / 10 % 10);
    buf[size++] = (byte) ('0' + millis % 10);
    buf[size++] = 'Z';
    buf[size++] = '"';
  }

  /**
   * One ASCII character that needs no escaping, inside a string opened with {@link #openString}.
   */
  void appendAscii(char c) {
    put((byte) c);
  }

  /** A non-negative int's decimal digits, inside an open string. */
  void appendDigits(int v) {
    number(v);
  }

  /** A 16-bit value in lower-case hexadecimal without leading zeros, inside an open string. */
  void appendHex(int v) {
    int shift = 12;
    while (shift > 0 && (v >>> shift & 0xf) == 0) {
      shift -= 4;
    }
    ensure(4);
    for (; shift >= 0; shift -= 4) {
      buf[size++] = HEX[v >>> shift & 0xf];
    }
  }

  /**
   * Milliseconds from microseconds, {@code 0 <= micros < 10^10}, as {@code Double.toString(micros /
   * 1000.0)} writes them ({@code 0.021}, {@code 1.5}, {@code 3.0}), without a string per row.
   */
  void millis(byte[] key, long micros) {
    name(key);
    number(micros / 1000);
    int frac = (int) (micros % 1000);
    ensure(4);
    buf[size++] = '.';
    if (frac == 0) {
      buf[size++] = '0';
      return;
    }
    int places = 3;
    while (frac % 10 == 0) {
      frac /= 10;
      places--;
    }
    for (int p = size + places - 1; p >= size; p--) {
      buf[p] = (byte) ('0' + frac % 10);
      frac /= 10;
    }
    size += places;
  }

  /** A number already in JSON form, such as a decimal with a fixed number of places. */
  void numberText(byte[] key, String digits) {
    name(key);
    ensure(digits.length());
    for (int i = 0; i < digits.length(); i++) {
      buf[size++] = (byte) digits.charAt(i);
    }
  }

  /** The row's bytes are {@code array()[0, size())}, valid until the next {@link #start()}. */
  byte[] array() {
    return buf;
  }

  int size() {
    return size;
  }

  byte[] toByteArray() {
    return Arrays.copyOf(buf, size);
  }

  private void name(byte[] key) {
    if (!first) {
      put((byte) ',');
    }
    first = false;
    raw(key);
  }

  private void name(String key) {
    if (!first) {
      put((byte) ',');
    }
    first = false;
    string(key);
    put((byte) ':');
  }

  private void raw(byte[] bytes) {
    ensure(bytes.length);
    System.arraycopy(bytes, 0, buf, size, bytes.length);
    size += bytes.length;
  }

  private void put(byte b) {
    ensure(1);
    buf[size++] = b;
  }

  void number(long value) {
    if (value < 0 || value > Integer.MAX_VALUE) {
      raw(Long.toString(value).getBytes(StandardCharsets.US_ASCII));
      return;
    }
    // Ports, IDs, codes: small non-negative ints, written with int arithmetic.
    int v = (int) value;
    int digits = 1;
    for (int rest = v / 10; rest > 0; rest /= 10) {
      digits++;
    }
    ensure(digits);
    for (int p = size + digits - 1; p >= size; p--) {
      buf[p] = (byte) ('0' + v % 10);
      v /= 10;
    }
    size += digits;
  }

  /**
   * A quoted string (RFC 8259 section 7): plain ASCII is copied, the rest escaped or encoded. The
   * check runs on chars, not on a bulk byte copy, whose low bytes would hide a char above U+00FF.
   */
  private void string(String s) {
    int n = s.length();
    // Worst case: \\u00XX (6 bytes) per char or 3 UTF-8 bytes; 6 covers both, plus the quotes.
    ensure(6 * n + 2);
    byte[] b = buf;
    int p = size;
    b[p++] = '"';
    p = chars(s, b, p);
    b[p++] = '"';
    size = p;
  }

  /** Writes the chars of {@code s} at {@code p}, escaping and encoding; returns the end. */
  private static int chars(String s, byte[] b, int p) {
    int n = s.length();
    for (int i = 0; i < n; i++) {
      char c = s.charAt(i);
      if (c >= 0x20 && c < 0x7f && c != '"' && c != '\\') {
        b[p++] = (byte) c;
      } else if (c < 0x80) {
        p = escape(b, p, c);
      } else if (Character.isHighSurrogate(c)
          && i + 1 < n
          && Character.isLowSurrogate(s.charAt(i + 1))) {
        p = fourBytes(b, p, Character.toCodePoint(c, s.charAt(++i)));
      } else {
        // A lone surrogate cannot be encoded in UTF-8: U+FFFD (3 bytes; Fields.limit counts it so).
        p = utf8(b, p, Character.isSurrogate(c) ? 0xfffd : c);
      }
    }
    return p;
  }

  private static int escape(byte[] b, int p, char c) {
    b[p++] = '\\';
    switch (c) {
      case '"', '\\' -> b[p++] = (byte) c;
      case '\n' -> b[p++] = 'n';
      case '\r' -> b[p++] = 'r';
      case '\t' -> b[p++] = 't';
      default -> {
        b[p++] = 'u';
        b[p++] = '0';
        b[p++] = '0';
        b[p++] = HEX[c >> 4];
        b[p++] = HEX[c & 0xf];
      }
    }
    return p;
  }

  private static int utf8(byte[] b, int p, int c) {
    if (c < 0x800) {
      b[p++] = (byte) (0xc0 | c >> 6);
    } else {
      b[p++] = (byte) (0xe0 | c >> 12);
      b[p++] = (byte) (0x80 | (c >> 6 & 0x3f));
    }
    b[p++] = (byte) (0x80 | (c & 0x3f));
    return p;
  }

  private static int fourBytes(byte[] b, int p, int cp) {
    b[p++] = (byte) (0xf0 | cp >> 18);
    b[p++] = (byte) (0x80 | (cp >> 12 & 0x3f));
    b[p++] = (byte) (0x80 | (cp >> 6 & 0x3f));
    b[p++] = (byte) (0x80 | (cp & 0x3f));
    return p;
  }

  private void ensure(int more) {
    if (size + more > buf.length) {
      buf = Arrays.copyOf(buf, Math.max(buf.length * 2, size + more));
    }
  }
}

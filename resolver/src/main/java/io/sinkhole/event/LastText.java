package io.sinkhole.event;

import java.util.function.Function;

/**
 * One string column whose value often repeats from row to row (the client, the rule, an indicator's
 * first-seen time): the value's text is made and encoded when the value changes, and copied
 * otherwise. One writer thread, as for {@link Rows}.
 *
 * @param <V> the value the text is made from, compared with {@code equals}
 */
final class LastText<V> {
  private final byte[] key;
  private final Function<V, String> text;
  private V last;
  private byte[] encoded;

  LastText(byte[] key, Function<V, String> text) {
    this.key = key;
    this.text = text;
  }

  /** Writes the column for {@code value}; null or empty text is written as an empty string. */
  void write(JsonRow out, V value) {
    if (value == null) {
      out.field(key, "");
      return;
    }
    if (!value.equals(last)) {
      String t = text.apply(value);
      if (t == null || t.isEmpty()) {
        out.field(key, t);
        return;
      }
      encoded = JsonRow.quoted(Fields.limit(t));
      last = value;
    }
    out.encoded(key, encoded);
  }
}

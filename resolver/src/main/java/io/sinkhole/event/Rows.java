package io.sinkhole.event;

/**
 * Serialises events to UTF-8 JSON rows of one schema, reusing one buffer (one thread only): every
 * query becomes a row, so nothing here allocates per row beyond the values themselves (issue #5).
 */
public final class Rows {
  private final EventSchema schema;
  private final JsonRow row;

  /** Rows with every column, empty strings included. */
  public Rows(EventSchema schema) {
    this(schema, false);
  }

  /**
   * @param omitEmpty leave out string columns whose value is empty (see {@link JsonRow})
   */
  public Rows(EventSchema schema, boolean omitEmpty) {
    this.schema = schema;
    this.row = new JsonRow(omitEmpty);
  }

  /** One event as a JSON object, without a line break. */
  public byte[] bytes(DnsEvent e) {
    write(e);
    return row.toByteArray();
  }

  /**
   * Serialises one event into the reused buffer, without the copy {@link #bytes} makes: the row is
   * the first {@code length} bytes of {@link #array()}, valid until the next call.
   *
   * @return the row's length
   */
  int write(DnsEvent e) {
    schema.write(e, row);
    return row.size();
  }

  byte[] array() {
    return row.array();
  }
}

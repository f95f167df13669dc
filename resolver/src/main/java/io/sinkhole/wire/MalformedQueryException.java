package io.sinkhole.wire;

/**
 * A query that cannot be answered as asked. The reason is a short stable string that doubles as a
 * metric label; {@link #headerReadable()} tells whether a FORMERR can be sent back (RFC 1035
 * section 4.1.1) or the packet must be dropped.
 */
public final class MalformedQueryException extends Exception {
  private static final long serialVersionUID = 1L;

  private final String reason;
  private final boolean headerReadable;

  MalformedQueryException(String reason, boolean headerReadable) {
    super(reason, null, false, false);
    this.reason = reason;
    this.headerReadable = headerReadable;
  }

  public String reason() {
    return reason;
  }

  public boolean headerReadable() {
    return headerReadable;
  }
}

package io.sinkhole.wire;

/** Response codes Sinkhole sends itself (RFC 1035 section 4.1.1, RFC 6891 section 9). */
public final class Rcode {
  public static final int NOERROR = 0;
  public static final int FORMERR = 1;
  public static final int SERVFAIL = 2;
  public static final int NXDOMAIN = 3;
  public static final int NOTIMP = 4;
  public static final int REFUSED = 5;

  /** Upper eight bits of BADVERS (16), carried in the OPT TTL (RFC 6891 section 6.1.3). */
  public static final int BADVERS_HIGH = 1;

  private Rcode() {}
}

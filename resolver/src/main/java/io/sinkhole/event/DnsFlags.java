package io.sinkhole.event;

/** The ASIM DnsFlags* columns, read from the header of the answer as sent (RFC 1035 4.1.1). */
final class DnsFlags {
  private DnsFlags() {}

  static void write(byte[] response, JsonRow out) {
    int hi = response == null || response.length < 4 ? 0 : response[2] & 0xff;
    int lo = response == null || response.length < 4 ? 0 : response[3] & 0xff;
    out.field("DnsFlagsAuthoritative", (hi & 0x04) != 0);
    out.field("DnsFlagsTruncated", (hi & 0x02) != 0);
    out.field("DnsFlagsRecursionDesired", (hi & 0x01) != 0);
    out.field("DnsFlagsRecursionAvailable", (lo & 0x80) != 0);
    out.field("DnsFlagsZ", (lo & 0x40) != 0);
    // AD and CD: RFC 4035 3.2.3 and 3.1.6 (RFC 3655 6.1 first defined AD).
    out.field("DnsFlagsAuthenticated", (lo & 0x20) != 0);
    out.field("DnsFlagsCheckingDisabled", (lo & 0x10) != 0);
  }
}

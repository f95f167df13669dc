package io.sinkhole.testing;

import java.io.ByteArrayOutputStream;

/** Builds query packets byte by byte, so tests can write what no client library would. */
public final class Packets {
  private final ByteArrayOutputStream out = new ByteArrayOutputStream();

  private Packets() {}

  /** A header with RD set and the given ID and section counts. */
  public static Packets header(int id, int qd, int an, int ns, int ar) {
    Packets p = new Packets();
    p.u16(id).u16(0x0100).u16(qd).u16(an).u16(ns).u16(ar);
    return p;
  }

  /** A normal query for {@code labels} (each a raw label), type A, class IN. */
  public static byte[] query(int id, String... labels) {
    return header(id, 1, 0, 0, 0).name(labels).u16(1).u16(1).bytes();
  }

  public Packets name(String... labels) {
    for (String l : labels) {
      byte[] b = l.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
      out.write(b.length);
      out.writeBytes(b);
    }
    out.write(0);
    return this;
  }

  public Packets u8(int v) {
    out.write(v);
    return this;
  }

  public Packets u16(int v) {
    out.write(v >> 8);
    out.write(v);
    return this;
  }

  public Packets u32(long v) {
    return u16((int) (v >>> 16)).u16((int) v);
  }

  /** An OPT record (RFC 6891 section 6.1.2) with no options. */
  public Packets opt(int payload, int version, boolean dnssecOk) {
    return u8(0).u16(41).u16(payload).u32((long) version << 16 | (dnssecOk ? 0x8000 : 0)).u16(0);
  }

  /**
   * An answer dnsjava reads with an unchecked exception: opcode UPDATE, where a record with no
   * RDATA takes a path that checks its TTL, and that TTL has its top bit set; then an RRSIG, so
   * that a client without DO needs dnsjava to strip it. PacketPathFuzzTest found the exception.
   */
  public static byte[] answerDnsjavaRefuses(int id, String... labels) {
    int qr = 0x8000;
    int update = 5 << 11;
    Packets p = new Packets();
    p.u16(id).u16(qr | update | 0x0100 | 0x0080).u16(1).u16(2).u16(0).u16(0);
    p.name(labels).u16(1).u16(1);
    p.u16(0xc00c).u16(1).u16(1).u32(0xff000000L).u16(0); // A, top-bit TTL, no RDATA
    return p.rrsigOver(1, labels.length).bytes();
  }

  /**
   * An answer dnsjava reads but cannot write back (ArrayIndexOutOfBoundsException): a WKS record
   * whose data is an address and a protocol without a port bitmap, then an RRSIG, so that a client
   * without DO needs dnsjava to strip it. Found in review.
   */
  public static byte[] answerDnsjavaCannotWrite(int id, String... labels) {
    Packets p = new Packets();
    p.u16(id).u16(0x8000 | 0x0100 | 0x0080).u16(1).u16(2).u16(0).u16(0);
    p.name(labels).u16(11).u16(1);
    p.u16(0xc00c).u16(11).u16(1).u32(60).u16(5).u32(0xc0000201L).u8(6); // WKS, no bitmap
    return p.rrsigOver(11, labels.length).bytes();
  }

  /** Appends an RRSIG at the question's name (pointer) over {@code type}, signed by example. */
  private Packets rrsigOver(int type, int labels) {
    u16(0xc00c).u16(46).u16(1).u32(60).u16(18 + 9 + 64);
    u16(type).u8(13).u8(labels).u32(60).u32(0x7fffffffL).u32(0).u16(1);
    name("example");
    for (int i = 0; i < 64; i++) {
      u8(0);
    }
    return this;
  }

  public byte[] bytes() {
    return out.toByteArray();
  }
}

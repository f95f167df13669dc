package io.sinkhole.wire;

import io.netty.buffer.ByteBuf;
import java.util.List;

/**
 * Writes the answers Sinkhole gives without asking an upstream: blocks, refusals and errors.
 *
 * <p>The question is copied byte for byte from the query so that the client sees its own spelling
 * (0x20 case randomisation survives), and record owners point into it with compression pointers
 * (RFC 1035 section 4.1.4) instead of repeating the name. Made-up answers never set AD (RFC 4035
 * section 3.2.3): Sinkhole cannot vouch for them.
 */
public final class LocalAnswers {
  /** Answers Sinkhole makes up advertise this payload size (the DNS Flag Day 2020 value). */
  public static final int OUR_UDP_PAYLOAD = 1232;

  private static final int TYPE_A = 1;
  private static final int TYPE_SOA = 6;
  private static final int TYPE_AAAA = 28;
  private static final int TYPE_OPT = 41;
  private static final int CLASS_IN = 1;
  private static final byte[] SOA_MNAME = wireName("sinkhole", "invalid");
  private static final byte[] SOA_RNAME = wireName("hostmaster", "sinkhole", "invalid");

  private LocalAnswers() {}

  /** A header-only error answer for a query whose question could not be read. */
  public static void headerOnly(ByteBuf out, ByteBuf query, int rcode) {
    int base = query.readerIndex();
    int flags = query.getUnsignedShort(base + 2);
    out.writeShort(query.getUnsignedShort(base));
    out.writeShort(Flags.QR | (flags & (Flags.OPCODE_MASK | Flags.RD)) | Flags.RA | rcode);
    out.writeLong(0L);
  }

  /** An answer with the question echoed and no records, e.g. REFUSED or SERVFAIL. */
  public static void empty(ByteBuf out, ByteBuf query, Query q, int rcode, ExtendedError ede) {
    header(out, q, rcode, 0, 0, q.edns ? 1 : 0);
    copyQuestion(out, query, q);
    opt(out, q, ede);
  }

  /**
   * BADVERS for a query whose EDNS version Sinkhole does not implement (RFC 6891 section 6.1.3):
   * extended RCODE 16 is split into 0 in the header and 1 in the OPT's upper TTL byte, and the OPT
   * says version 0, the highest we support.
   */
  public static void badVersion(ByteBuf out, ByteBuf query, Query q) {
    header(out, q, Rcode.NOERROR, 0, 0, 1);
    copyQuestion(out, query, q);
    out.writeByte(0).writeShort(TYPE_OPT).writeShort(OUR_UDP_PAYLOAD);
    out.writeInt(Rcode.BADVERS_HIGH << 24 | (q.dnssecOk ? 0x8000 : 0)).writeShort(0);
  }

  /**
   * An empty TC=1 answer: the "slip" of response rate limiting, which costs an attacker's victim
   * almost nothing while a real client retries over TCP, where its address cannot be spoofed.
   */
  public static void truncated(ByteBuf out, ByteBuf query, Query q) {
    int start = out.writerIndex();
    empty(out, query, q, Rcode.NOERROR, null);
    out.setShort(start + 2, out.getUnsignedShort(start + 2) | Flags.TC);
  }

  /**
   * NXDOMAIN (or NODATA with {@code rcode} NOERROR) with an SOA in the authority section whose
   * owner is the blocked name, so that resolvers cache the negative answer for {@code ttl} seconds
   * (RFC 2308 section 5: the negative TTL is min(SOA TTL, SOA MINIMUM), both set here).
   *
   * @param ownerLabel index of the question's label where the blocked zone starts
   */
  public static void negative(
      ByteBuf out, ByteBuf query, Query q, int rcode, int ownerLabel, int ttl, ExtendedError ede) {
    header(out, q, rcode, 0, 1, q.edns ? 1 : 0);
    copyQuestion(out, query, q);
    soa(out, q, ownerLabel, ttl);
    opt(out, q, ede);
  }

  /**
   * Sinkhole addresses for A or AAAA. {@code addresses} holds 4- or 16-byte values; those whose
   * length does not fit the query type are left out, which leaves NODATA for other types.
   */
  public static void addresses(
      ByteBuf out,
      ByteBuf query,
      Query q,
      List<byte[]> addresses,
      int ownerLabel,
      int ttl,
      ExtendedError ede) {
    int want = q.qtype == TYPE_A ? 4 : q.qtype == TYPE_AAAA ? 16 : -1;
    int count = 0;
    for (byte[] a : addresses) {
      count += a.length == want ? 1 : 0;
    }
    if (count == 0) {
      negative(out, query, q, Rcode.NOERROR, ownerLabel, ttl, ede);
      return;
    }
    header(out, q, Rcode.NOERROR, count, 0, q.edns ? 1 : 0);
    copyQuestion(out, query, q);
    for (byte[] a : addresses) {
      if (a.length == want) {
        out.writeShort(0xc000 | QueryParser.HEADER_LENGTH);
        out.writeShort(q.qtype).writeShort(CLASS_IN).writeInt(ttl).writeShort(a.length);
        out.writeBytes(a);
      }
    }
    opt(out, q, ede);
  }

  private static void header(ByteBuf out, Query q, int rcode, int an, int ns, int ar) {
    out.writeShort(q.id);
    out.writeShort(Flags.QR | (q.flags & (Flags.RD | Flags.CD)) | Flags.RA | rcode);
    out.writeShort(1).writeShort(an).writeShort(ns).writeShort(ar);
  }

  private static void copyQuestion(ByteBuf out, ByteBuf query, Query q) {
    int base = query.readerIndex();
    out.writeBytes(
        query, base + QueryParser.HEADER_LENGTH, q.questionEnd - QueryParser.HEADER_LENGTH);
  }

  private static void soa(ByteBuf out, Query q, int ownerLabel, int ttl) {
    out.writeShort(0xc000 | (QueryParser.HEADER_LENGTH + q.labelStart(ownerLabel)));
    out.writeShort(TYPE_SOA).writeShort(CLASS_IN).writeInt(ttl);
    out.writeShort(SOA_MNAME.length + SOA_RNAME.length + 20);
    out.writeBytes(SOA_MNAME).writeBytes(SOA_RNAME);
    out.writeInt(1).writeInt(3600).writeInt(600).writeInt(86400).writeInt(ttl);
  }

  /** RFC 6891 section 7: answer with an OPT only when the query carried one. */
  private static void opt(ByteBuf out, Query q, ExtendedError ede) {
    if (!q.edns) {
      return;
    }
    out.writeByte(0).writeShort(TYPE_OPT).writeShort(OUR_UDP_PAYLOAD);
    out.writeInt(q.dnssecOk ? 0x8000 : 0);
    if (ede == null) {
      out.writeShort(0);
      return;
    }
    byte[] text = ede.textBytes();
    out.writeShort(6 + text.length);
    out.writeShort(ExtendedError.OPTION_CODE).writeShort(2 + text.length);
    out.writeShort(ede.code()).writeBytes(text);
  }

  private static byte[] wireName(String... labels) {
    int len = 1;
    for (String l : labels) {
      len += l.length() + 1;
    }
    byte[] out = new byte[len];
    int p = 0;
    for (String l : labels) {
      out[p++] = (byte) l.length();
      for (char c : l.toCharArray()) {
        out[p++] = (byte) c;
      }
    }
    return out;
  }
}

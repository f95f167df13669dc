package io.sinkhole.wire;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.ByteBufUtil;
import java.io.IOException;
import java.util.ArrayList;
import org.xbill.DNS.Message;
import org.xbill.DNS.Record;
import org.xbill.DNS.Section;
import org.xbill.DNS.Type;

/**
 * Removes RRSIG records from an answer for a client that did not set DO (RFC 4035 section 3.2.1).
 * Runs only when a scan found RRSIGs, so it may afford dnsjava: a byte-level cut would break any
 * later compression pointer into a removed owner name.
 */
final class RrsigFilter {
  private static final int[] SECTIONS = {Section.ANSWER, Section.AUTHORITY, Section.ADDITIONAL};

  private RrsigFilter() {}

  static ByteBuf strip(ByteBuf answer, ByteBufAllocator alloc) throws IOException {
    Message m = new Message(ByteBufUtil.getBytes(answer));
    for (int section : SECTIONS) {
      for (Record r : new ArrayList<>(m.getSection(section))) {
        if (r.getType() == Type.RRSIG) {
          m.removeRecord(r, section);
        }
      }
    }
    byte[] wire = m.toWire();
    return alloc.buffer(wire.length).writeBytes(wire);
  }
}

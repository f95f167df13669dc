package io.sinkhole.event;

import java.io.IOException;
import java.util.StringJoiner;
import org.xbill.DNS.AAAARecord;
import org.xbill.DNS.ARecord;
import org.xbill.DNS.Message;
import org.xbill.DNS.Record;
import org.xbill.DNS.Section;

/** Reads the A and AAAA addresses of an answer for the IPAddresses column, off the fast path. */
final class AnswerAddresses {
  private AnswerAddresses() {}

  static String joined(byte[] response) {
    if (response == null) {
      return "";
    }
    Message m;
    try {
      m = new Message(response);
    } catch (IOException e) {
      return "";
    }
    StringJoiner out = new StringJoiner(",");
    for (Record r : m.getSection(Section.ANSWER)) {
      if (r instanceof ARecord a) {
        out.add(a.getAddress().getHostAddress());
      } else if (r instanceof AAAARecord a) {
        out.add(DnsEventsSchema.clientIp(a.getAddress()));
      }
    }
    return out.toString();
  }
}

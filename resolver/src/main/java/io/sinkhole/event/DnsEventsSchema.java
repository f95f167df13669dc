package io.sinkhole.event;

import io.netty.util.NetUtil;
import io.sinkhole.ioc.Provenance;
import io.sinkhole.ioc.ThreatInfo;
import io.sinkhole.policy.Verdict;
import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * Writes an event as one JSON object whose columns are those of Sentinel's {@code DnsEvents} table,
 * followed by Sinkhole's own columns for what DnsEvents lacks. The README documents every column;
 * names and types must stay stable because saved queries and rules depend on them.
 */
public final class DnsEventsSchema implements EventSchema {
  /** Windows DNS analytic event IDs (DnsEvents.EventId): response success and failure. */
  static final int EVENT_RESPONSE_SUCCESS = 257;

  static final int EVENT_RESPONSE_FAILURE = 258;

  private static final DateTimeFormatter TIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

  private final String computer;
  private final ClientAddressFormat clients;

  public DnsEventsSchema(String computer) {
    this(computer, ClientAddressFormat.KEEP);
  }

  public DnsEventsSchema(String computer, ClientAddressFormat clients) {
    this.computer = computer;
    this.clients = clients;
  }

  @Override
  public String name() {
    return "dnsevents";
  }

  /** Writes one event object (not the line break). */
  @Override
  public void write(DnsEvent e, JsonRow out) {
    Verdict v = e.verdict();
    Provenance claim = v.claim();
    ThreatInfo threat = claim == null ? ThreatInfo.NONE : claim.threat();
    out.start();
    Fields.text(out, DnsEventsColumns.TIME_GENERATED, formatTime(e.timeMillis()));
    Fields.text(out, DnsEventsColumns.COMPUTER, computer);
    Fields.number(
        out,
        DnsEventsColumns.EVENT_ID,
        e.rcode() == 0 ? EVENT_RESPONSE_SUCCESS : EVENT_RESPONSE_FAILURE);
    Fields.text(out, DnsEventsColumns.SUB_TYPE, "LookupQuery");
    Fields.text(out, DnsEventsColumns.CLIENT_IP, clients.format(e.client().getAddress()));
    Fields.string(out, DnsEventsColumns.NAME, e.name());
    Fields.text(out, DnsEventsColumns.QUERY_TYPE, TypeNames.of(e.qtype()));
    Fields.string(out, DnsEventsColumns.IP_ADDRESSES, AnswerAddresses.joined(e.response()));
    Fields.number(out, DnsEventsColumns.RESULT_CODE, e.rcode());
    Fields.text(out, DnsEventsColumns.RESULT, e.rcode() == 0 ? "Success" : "Failure");
    Fields.text(out, DnsEventsColumns.MALICIOUS_IP, nullToEmpty(v.maliciousIp()));
    Fields.string(out, DnsEventsColumns.INDICATOR_THREAT_TYPE, nullToEmpty(threat.threatType()));
    Fields.text(out, DnsEventsColumns.CONFIDENCE, confidence(claim, threat));
    Fields.number(out, DnsEventsColumns.SEVERITY, severity(claim, threat));
    description(out, DnsEventsColumns.DESCRIPTION, e, v, threat);
    writeOwnColumns(e, v, threat, out);
    out.end();
  }

  private static void writeOwnColumns(DnsEvent e, Verdict v, ThreatInfo t, JsonRow out) {
    Provenance claim = v.claim();
    Fields.text(out, DnsEventsColumns.ACTION, e.action().column());
    Fields.string(
        out, DnsEventsColumns.MATCHED_INDICATOR, v.match() == null ? "" : v.match().indicator());
    Fields.string(out, DnsEventsColumns.MATCHED_NAME, nullToEmpty(v.matchedName()));
    Fields.text(out, DnsEventsColumns.INDICATOR_FEED, claim == null ? "" : claim.feedName());
    Fields.string(out, DnsEventsColumns.MALWARE_FAMILY, nullToEmpty(t.malware()));
    Fields.string(out, DnsEventsColumns.INDICATOR_REFERENCE, nullToEmpty(t.reference()));
    Fields.text(
        out,
        DnsEventsColumns.INDICATOR_FIRST_SEEN,
        t.firstSeen() == null ? "" : iso(t.firstSeen()));
    Fields.string(out, DnsEventsColumns.POLICY_RULE, nullToEmpty(v.rule()));
    Fields.text(out, DnsEventsColumns.PROTOCOL, e.protocol());
    Fields.number(out, DnsEventsColumns.CLIENT_PORT, e.client().getPort());
    Fields.number(out, DnsEventsColumns.TRANSACTION_ID, e.transactionId());
    Fields.millis(out, DnsEventsColumns.RESPONSE_TIME_MS, Math.round(e.durationNanos() / 1000.0));
    Fields.text(out, DnsEventsColumns.UPSTREAM, nullToEmpty(e.upstream()));
  }

  static String formatTime(long millis) {
    return EventTime.format(millis);
  }

  static String iso(Instant t) {
    return TIME.format(t);
  }

  /** RFC 5952 text; IPv4-mapped IPv6 clients are written as plain IPv4 (issue #4). */
  public static String clientIp(InetAddress a) {
    if (a instanceof Inet6Address v6) {
      byte[] b = v6.getAddress();
      if (isMapped(b)) {
        return (b[12] & 0xff) + "." + (b[13] & 0xff) + "." + (b[14] & 0xff) + "." + (b[15] & 0xff);
      }
      return NetUtil.toAddressString(v6);
    }
    return a == null ? "" : NetUtil.toAddressString((Inet4Address) a);
  }

  private static boolean isMapped(byte[] b) {
    for (int i = 0; i < 10; i++) {
      if (b[i] != 0) {
        return false;
      }
    }
    return b[10] == (byte) 0xff && b[11] == (byte) 0xff;
  }

  static String confidence(Provenance claim, ThreatInfo t) {
    if (claim == null || t.confidence() == ThreatInfo.UNKNOWN_CONFIDENCE) {
      return "";
    }
    return Integer.toString(t.confidence());
  }

  /** 0 no match; 1 low (confidence under 50); 2 medium (50-74); 3 high (75+ or unknown). */
  static int severity(Provenance claim, ThreatInfo t) {
    if (claim == null) {
      return 0;
    }
    int c = t.confidence();
    return c == ThreatInfo.UNKNOWN_CONFIDENCE || c >= 75 ? 3 : c >= 50 ? 2 : 1;
  }

  /**
   * Writes {@link #description(DnsEvent, Verdict, ThreatInfo)} straight into the row: it is made
   * for every matched query, and the text was built only to be copied (issue #5). A description
   * that could pass the 64 KB field limit takes the slower way through {@link Fields#limit}.
   */
  static void description(JsonRow out, byte[] key, DnsEvent e, Verdict v, ThreatInfo t) {
    if (!v.matched()) {
      out.field(key, "");
      return;
    }
    String matched = String.valueOf(v.matchedName());
    String indicator = v.match() == null ? "" : v.match().indicator();
    String feed = v.claim().feedName();
    long chars = matched.length() + indicator.length() + feed.length() + 40L;
    chars += nullToEmpty(t.threatType()).length() + nullToEmpty(t.malware()).length();
    if (chars * 3 > Fields.MAX_FIELD_BYTES) {
      Fields.string(out, key, description(e, v, t));
      return;
    }
    out.openString(key);
    out.append(e.action() == DnsEvent.Action.BLOCKED ? "Blocked " : "Matched ");
    out.append(matched);
    out.append(" listed as ");
    out.append(indicator);
    if (t.threatType() != null) {
      out.append(" (");
      out.append(t.threatType());
      if (t.malware() != null) {
        out.append(", ");
        out.append(t.malware());
      }
      out.append(")");
    }
    out.append(" by feed ");
    out.append(feed);
    out.closeString();
  }

  static String description(DnsEvent e, Verdict v, ThreatInfo t) {
    if (!v.matched()) {
      return "";
    }
    StringBuilder s = new StringBuilder();
    s.append(e.action() == DnsEvent.Action.BLOCKED ? "Blocked " : "Matched ");
    s.append(v.matchedName())
        .append(" listed as ")
        .append(v.match() == null ? "" : v.match().indicator());
    if (t.threatType() != null) {
      s.append(" (").append(t.threatType());
      s.append(t.malware() == null ? "" : ", " + t.malware()).append(')');
    }
    return s.append(" by feed ").append(v.claim().feedName()).toString();
  }

  static String nullToEmpty(String s) {
    return s == null ? "" : s;
  }
}

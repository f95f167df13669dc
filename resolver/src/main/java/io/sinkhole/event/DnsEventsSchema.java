package io.sinkhole.event;

import io.netty.util.NetUtil;
import io.sinkhole.ioc.Provenance;
import io.sinkhole.ioc.ThreatInfo;
import io.sinkhole.policy.RuleText;
import io.sinkhole.policy.Verdict;
import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
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

  // Per-row work that repeats from row to row, kept for the next row. One writer thread per
  // schema instance (each sink has its own), as for Rows.
  private long second = Long.MIN_VALUE;
  private byte[] secondText;
  private final LastText<InetAddress> clientIp;
  // PolicyRule's words are made on this thread from the decision (RuleText); equal decisions (a
  // feed's rule is the same for every name it lists) reuse the last text.
  private final LastText<RuleText> rule =
      new LastText<>(DnsEventsColumns.POLICY_RULE, RuleText::text);
  private final LastText<Instant> firstSeen =
      new LastText<>(DnsEventsColumns.INDICATOR_FIRST_SEEN, DnsEventsSchema::iso);

  public DnsEventsSchema(String computer) {
    this(computer, ClientAddressFormat.KEEP);
  }

  public DnsEventsSchema(String computer, ClientAddressFormat clients) {
    this.computer = computer;
    this.clients = clients;
    // Formatted (and hashed or truncated, if so configured) once per new client.
    this.clientIp = new LastText<>(DnsEventsColumns.CLIENT_IP, clients::format);
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
    time(out, e.timeMillis());
    out.constant(DnsEventsColumns.COMPUTER, computer);
    Fields.number(
        out,
        DnsEventsColumns.EVENT_ID,
        e.rcode() == 0 ? EVENT_RESPONSE_SUCCESS : EVENT_RESPONSE_FAILURE);
    out.constant(DnsEventsColumns.SUB_TYPE, "LookupQuery");
    clientIp.write(out, e.client().getAddress());
    Fields.string(out, DnsEventsColumns.NAME, e.name());
    out.constant(DnsEventsColumns.QUERY_TYPE, TypeNames.of(e.qtype()));
    AnswerAddresses.write(out, DnsEventsColumns.IP_ADDRESSES, e.response());
    Fields.number(out, DnsEventsColumns.RESULT_CODE, e.rcode());
    out.constant(DnsEventsColumns.RESULT, e.rcode() == 0 ? "Success" : "Failure");
    Fields.text(out, DnsEventsColumns.MALICIOUS_IP, nullToEmpty(v.maliciousIp()));
    // Threat type and family come from a feed's few distinct values: encoded once. The limit
    // returns the value itself when it is short, so the cache sees the same object.
    out.constant(
        DnsEventsColumns.INDICATOR_THREAT_TYPE, Fields.limit(nullToEmpty(threat.threatType())));
    out.constant(DnsEventsColumns.CONFIDENCE, confidence(claim, threat));
    Fields.number(out, DnsEventsColumns.SEVERITY, severity(claim, threat));
    description(out, DnsEventsColumns.DESCRIPTION, e, v, threat);
    writeOwnColumns(e, v, threat, out);
    out.end();
  }

  private void writeOwnColumns(DnsEvent e, Verdict v, ThreatInfo t, JsonRow out) {
    Provenance claim = v.claim();
    out.constant(DnsEventsColumns.ACTION, e.action().column());
    Fields.string(
        out, DnsEventsColumns.MATCHED_INDICATOR, v.match() == null ? "" : v.match().indicator());
    Fields.string(out, DnsEventsColumns.MATCHED_NAME, nullToEmpty(v.matchedName()));
    out.constant(DnsEventsColumns.INDICATOR_FEED, claim == null ? "" : claim.feedName());
    out.constant(DnsEventsColumns.MALWARE_FAMILY, Fields.limit(nullToEmpty(t.malware())));
    Fields.string(out, DnsEventsColumns.INDICATOR_REFERENCE, nullToEmpty(t.reference()));
    firstSeen.write(out, t.firstSeen());
    rule.write(out, v.reason());
    out.constant(DnsEventsColumns.PROTOCOL, e.protocol());
    Fields.number(out, DnsEventsColumns.CLIENT_PORT, e.client().getPort());
    Fields.number(out, DnsEventsColumns.TRANSACTION_ID, e.transactionId());
    Fields.millis(out, DnsEventsColumns.RESPONSE_TIME_MS, Math.round(e.durationNanos() / 1000.0));
    out.constant(DnsEventsColumns.UPSTREAM, nullToEmpty(e.upstream()));
  }

  /** TimeGenerated, with the text of the second made once per second. */
  private void time(JsonRow out, long millis) {
    long s = Math.floorDiv(millis, 1000);
    if (s != second) {
      String text = EventTime.format(s * 1000); // yyyy-MM-ddTHH:mm:ss.000Z
      secondText = ('"' + text.substring(0, 20)).getBytes(StandardCharsets.US_ASCII);
      second = s;
    }
    out.time(DnsEventsColumns.TIME_GENERATED, secondText, (int) Math.floorMod(millis, 1000L));
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
    int c = t.confidence();
    return c >= 0 && c < CONFIDENCES.length ? CONFIDENCES[c] : Integer.toString(c);
  }

  /** The text of every confidence 0-100, one object each, so that rows reuse their encoding. */
  private static final String[] CONFIDENCES = new String[101];

  static {
    for (int i = 0; i < CONFIDENCES.length; i++) {
      CONFIDENCES[i] = Integer.toString(i);
    }
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

package io.sinkhole.event;

import static io.sinkhole.event.DnsEventsSchema.nullToEmpty;

import io.sinkhole.ioc.Provenance;
import io.sinkhole.ioc.ThreatInfo;
import io.sinkhole.policy.Verdict;
import java.time.Instant;
import java.util.Locale;
import org.xbill.DNS.Rcode;

/**
 * Writes an event as a row of the {@code ASimDnsActivityLogs} table (ASIM DNS activity schema
 * 0.1.7). Where the physical table differs from the schema document, the table wins, because the
 * Logs Ingestion API writes to the table: {@code ThreatConfidence}, {@code ThreatIsActive} and the
 * {@code Threat*ReportedTime} columns are strings there.
 */
final class AsimDnsSchema implements EventSchema {
  static final String SCHEMA_VERSION = "0.1.7";

  private final String computer;
  private final ClientAddressFormat clients;

  AsimDnsSchema(String computer, ClientAddressFormat clients) {
    this.computer = computer;
    this.clients = clients;
  }

  @Override
  public String name() {
    return "asim";
  }

  @Override
  public void write(DnsEvent e, JsonRow out) {
    out.start();
    writeEventFields(e, out);
    writeDnsFields(e, out);
    DnsFlags.write(e.response(), out);
    writeThreatFields(e, out);
    writeAdditionalFields(e, out);
    out.end();
  }

  private void writeEventFields(DnsEvent e, JsonRow out) {
    String time = DnsEventsSchema.formatTime(e.timeMillis());
    out.field("TimeGenerated", time);
    out.field("EventCount", 1);
    out.required("EventStartTime", time);
    out.required("EventEndTime", time);
    out.required("EventType", "Query");
    out.field("EventSubType", "response");
    out.required("EventResult", e.rcode() == 0 ? "Success" : "Failure");
    out.required("EventResultDetails", Rcode.string(e.rcode()));
    out.field("EventSeverity", severity(e.verdict()));
    Fields.string(out, "EventMessage", DnsEventsSchema.description(e, e.verdict(), threat(e)));
    out.required("EventProduct", "Sinkhole");
    out.required("EventVendor", "Sinkhole");
    out.required("EventSchemaVersion", SCHEMA_VERSION);
    out.required("Dvc", computer);
    out.field("DvcHostname", computer);
    out.field("DvcAction", e.action() == DnsEvent.Action.BLOCKED ? "Deny" : "Allow");
  }

  private void writeDnsFields(DnsEvent e, JsonRow out) {
    out.field("SrcIpAddr", clients.format(e.client().getAddress()));
    out.field("SrcPortNumber", e.client().getPort());
    out.field("NetworkProtocol", e.protocol().toUpperCase(Locale.ROOT));
    Fields.required(out, "DnsQuery", e.name());
    out.field("DnsQueryType", e.qtype());
    out.field("DnsQueryTypeName", TypeNames.of(e.qtype()));
    out.field("DnsResponseCode", e.rcode());
    Fields.string(out, "DnsResponseName", AnswerAddresses.joined(e.response()));
    out.field("DnsNetworkDuration", Math.round(e.durationNanos() / 1_000_000.0));
    out.field("TransactionIdHex", Integer.toHexString(e.transactionId()));
  }

  private static void writeThreatFields(DnsEvent e, JsonRow out) {
    Verdict v = e.verdict();
    if (!v.matched()) {
      return; // absent threat columns stay empty in the table, which is what the parsers expect
    }
    ThreatInfo t = threat(e);
    Fields.string(out, "ThreatCategory", nullToEmpty(t.threatType()));
    Fields.string(out, "ThreatName", nullToEmpty(t.malware()));
    out.field("ThreatConfidence", DnsEventsSchema.confidence(v.claim(), t));
    out.field("ThreatField", threatField(e, v));
    out.field("ThreatIsActive", "true");
    out.field("ThreatFirstReportedTime", isoOrEmpty(t.firstSeen()));
    out.field("ThreatLastReportedTime", isoOrEmpty(t.lastSeen()));
    out.field("ThreatIpAddr", nullToEmpty(v.maliciousIp()));
    Fields.string(out, "RuleName", nullToEmpty(v.rule()));
  }

  /** Our own columns that ASIM has no place for; the schema reserves AdditionalFields for them. */
  private static void writeAdditionalFields(DnsEvent e, JsonRow out) {
    Verdict v = e.verdict();
    out.object("AdditionalFields");
    out.field("Action", e.action().column());
    if (v.matched()) {
      out.field("IndicatorFeed", v.claim().feedName());
      Fields.string(out, "MatchedIndicator", v.match() == null ? "" : v.match().indicator());
      Fields.string(out, "IndicatorReference", nullToEmpty(threat(e).reference()));
    }
    out.field("Upstream", nullToEmpty(e.upstream()));
    out.end();
  }

  private static String threatField(DnsEvent e, Verdict v) {
    if (v.maliciousIp() != null) {
      return "DnsResponseName";
    }
    return e.name().equalsIgnoreCase(v.matchedName()) ? "DnsQuery" : "DnsResponseName";
  }

  private static ThreatInfo threat(DnsEvent e) {
    Provenance claim = e.verdict().claim();
    return claim == null ? ThreatInfo.NONE : claim.threat();
  }

  /** ASIM severities from the same scale as DnsEvents.Severity: 1 Low, 2 Medium, 3 High. */
  private static String severity(Verdict v) {
    return switch (DnsEventsSchema.severity(v.claim(), threat(v))) {
      case 0 -> "Informational";
      case 1 -> "Low";
      case 2 -> "Medium";
      default -> "High";
    };
  }

  private static ThreatInfo threat(Verdict v) {
    return v.claim() == null ? ThreatInfo.NONE : v.claim().threat();
  }

  private static String isoOrEmpty(Instant t) {
    return t == null ? "" : DnsEventsSchema.iso(t);
  }
}

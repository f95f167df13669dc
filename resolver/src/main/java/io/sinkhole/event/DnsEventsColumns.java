package io.sinkhole.event;

import com.fasterxml.jackson.core.io.SerializedString;

/**
 * The column names of {@link DnsEventsSchema}, quoted and encoded once: the event writer writes
 * about 28 of them per query, and encoding each name again was a visible share of its time on one
 * core (issue #5).
 */
final class DnsEventsColumns {
  private DnsEventsColumns() {}

  static final SerializedString TIME_GENERATED = new SerializedString("TimeGenerated");
  static final SerializedString COMPUTER = new SerializedString("Computer");
  static final SerializedString SUB_TYPE = new SerializedString("SubType");
  static final SerializedString CLIENT_IP = new SerializedString("ClientIP");
  static final SerializedString QUERY_TYPE = new SerializedString("QueryType");
  static final SerializedString RESULT = new SerializedString("Result");
  static final SerializedString MALICIOUS_IP = new SerializedString("MaliciousIP");
  static final SerializedString CONFIDENCE = new SerializedString("Confidence");
  static final SerializedString ACTION = new SerializedString("Action");
  static final SerializedString INDICATOR_FEED = new SerializedString("IndicatorFeed");
  static final SerializedString INDICATOR_FIRST_SEEN = new SerializedString("IndicatorFirstSeen");
  static final SerializedString PROTOCOL = new SerializedString("Protocol");
  static final SerializedString UPSTREAM = new SerializedString("Upstream");
  static final SerializedString EVENT_ID = new SerializedString("EventId");
  static final SerializedString RESULT_CODE = new SerializedString("ResultCode");
  static final SerializedString SEVERITY = new SerializedString("Severity");
  static final SerializedString CLIENT_PORT = new SerializedString("ClientPort");
  static final SerializedString TRANSACTION_ID = new SerializedString("TransactionId");
  static final SerializedString RESPONSE_TIME_MS = new SerializedString("ResponseTimeMs");
  static final SerializedString NAME = new SerializedString("Name");
  static final SerializedString IP_ADDRESSES = new SerializedString("IPAddresses");
  static final SerializedString INDICATOR_THREAT_TYPE = new SerializedString("IndicatorThreatType");
  static final SerializedString DESCRIPTION = new SerializedString("Description");
  static final SerializedString MATCHED_INDICATOR = new SerializedString("MatchedIndicator");
  static final SerializedString MATCHED_NAME = new SerializedString("MatchedName");
  static final SerializedString MALWARE_FAMILY = new SerializedString("MalwareFamily");
  static final SerializedString INDICATOR_REFERENCE = new SerializedString("IndicatorReference");
  static final SerializedString POLICY_RULE = new SerializedString("PolicyRule");
}

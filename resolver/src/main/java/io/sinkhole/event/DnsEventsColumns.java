package io.sinkhole.event;

/**
 * The column names of {@link DnsEventsSchema}, quoted and encoded once ({@link JsonRow#key}): the
 * event writer writes about 28 of them per query, and encoding each name again was a visible share
 * of its time on one core (issue #5).
 */
final class DnsEventsColumns {
  private DnsEventsColumns() {}

  static final byte[] TIME_GENERATED = JsonRow.key("TimeGenerated");
  static final byte[] COMPUTER = JsonRow.key("Computer");
  static final byte[] SUB_TYPE = JsonRow.key("SubType");
  static final byte[] CLIENT_IP = JsonRow.key("ClientIP");
  static final byte[] QUERY_TYPE = JsonRow.key("QueryType");
  static final byte[] RESULT = JsonRow.key("Result");
  static final byte[] MALICIOUS_IP = JsonRow.key("MaliciousIP");
  static final byte[] CONFIDENCE = JsonRow.key("Confidence");
  static final byte[] ACTION = JsonRow.key("Action");
  static final byte[] INDICATOR_FEED = JsonRow.key("IndicatorFeed");
  static final byte[] INDICATOR_FIRST_SEEN = JsonRow.key("IndicatorFirstSeen");
  static final byte[] PROTOCOL = JsonRow.key("Protocol");
  static final byte[] UPSTREAM = JsonRow.key("Upstream");
  static final byte[] EVENT_ID = JsonRow.key("EventId");
  static final byte[] RESULT_CODE = JsonRow.key("ResultCode");
  static final byte[] SEVERITY = JsonRow.key("Severity");
  static final byte[] CLIENT_PORT = JsonRow.key("ClientPort");
  static final byte[] TRANSACTION_ID = JsonRow.key("TransactionId");
  static final byte[] RESPONSE_TIME_MS = JsonRow.key("ResponseTimeMs");
  static final byte[] NAME = JsonRow.key("Name");
  static final byte[] IP_ADDRESSES = JsonRow.key("IPAddresses");
  static final byte[] INDICATOR_THREAT_TYPE = JsonRow.key("IndicatorThreatType");
  static final byte[] DESCRIPTION = JsonRow.key("Description");
  static final byte[] MATCHED_INDICATOR = JsonRow.key("MatchedIndicator");
  static final byte[] MATCHED_NAME = JsonRow.key("MatchedName");
  static final byte[] MALWARE_FAMILY = JsonRow.key("MalwareFamily");
  static final byte[] INDICATOR_REFERENCE = JsonRow.key("IndicatorReference");
  static final byte[] POLICY_RULE = JsonRow.key("PolicyRule");
}

package io.sinkhole.event;

import io.sinkhole.policy.Verdict;
import java.net.InetSocketAddress;

/**
 * What happened to one query. Built on the answering thread with no formatting work; the answer's
 * addresses are read from {@code response} later, on the event writer thread.
 *
 * @param timeMillis when the query arrived, epoch milliseconds
 * @param client the client's address and port
 * @param protocol {@code udp} or {@code tcp}
 * @param transactionId the client's DNS message ID
 * @param name query name in escaped presentation form without the trailing dot
 * @param qtype numeric query type
 * @param rcode the RCODE sent to the client
 * @param action what Sinkhole did
 * @param verdict the policy decision, {@link Verdict#ALLOW} when nothing matched
 * @param response the answer as sent (wire form), or null when none was sent
 * @param durationNanos receive-to-send time
 * @param upstream the upstream that answered, or null
 */
public record DnsEvent(
    long timeMillis,
    InetSocketAddress client,
    String protocol,
    int transactionId,
    String name,
    int qtype,
    int rcode,
    Action action,
    Verdict verdict,
    byte[] response,
    long durationNanos,
    String upstream) {

  /** What Sinkhole did with a query; the lower-case name is written to the Action column. */
  public enum Action {
    ALLOWED,
    BLOCKED,
    MONITORED,
    LOCAL,
    REFUSED,
    SERVFAIL,
    FORMERR;

    private final String column = name().toLowerCase(java.util.Locale.ROOT);

    public String column() {
      return column;
    }
  }
}

package io.sinkhole.event;

/**
 * The shape of an event row, named after the table it is written for. Column names and types are a
 * contract with saved queries, rules and the DCR stream declarations in {@code
 * dashboards/sentinel/sinkhole-dcr.json}; the README ("Events into Microsoft Sentinel") lists them.
 */
public interface EventSchema {

  /** {@code dnsevents} or {@code asim}. */
  String name();

  /** Writes one row as a JSON object (not the line break). */
  void write(DnsEvent e, JsonRow out);
}

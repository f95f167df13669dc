/**
 * Query events: one row per query, produced on the answering thread as a cheap immutable record and
 * formatted and written on a separate thread. Rows follow a schema named after its target table
 * (DnsEvents-shaped {@code SinkholeDnsEvents_CL}, or ASIM {@code ASimDnsActivityLogs}) and go to
 * any combination of sinks: JSON-lines files with rotation, stdout, and the Logs Ingestion API
 * through an on-disk spool. Events are data, never application log lines.
 */
package io.sinkhole.event;

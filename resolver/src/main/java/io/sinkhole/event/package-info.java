/**
 * Query events: one row per query, shaped like Sentinel's DnsEvents table, produced on the
 * answering thread as a cheap immutable record and formatted and written on a separate thread.
 * Events are data, never application log lines.
 */
package io.sinkhole.event;

/**
 * The on-disk spool in front of a remote sink: append-only segment files and a persisted acked
 * position, so that an event accepted here survives an endpoint outage of any length, a restart and
 * a {@code kill -9}, and is delivered at least once. {@link io.sinkhole.event.spool.Spool}
 * documents the file format and the fsync policy.
 */
package io.sinkhole.event.spool;

/**
 * Where indicators come from and how the published snapshot stays current: local files (polled for
 * changes) and HTTP(S) downloads (refreshed with conditional requests, last good copy on disk),
 * per-feed guards that keep the last good contents when a load fails or shrinks suspiciously,
 * reloads on SIGHUP and {@code POST /admin/reload}, and the atomic publication of a new {@link
 * io.sinkhole.ioc.IocSet} built from every feed's good contents.
 */
package io.sinkhole.source;

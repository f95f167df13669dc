/**
 * The response cache: upstream answers kept as wire bytes with the offsets of their TTL fields, so
 * a hit is a copy plus a few integer writes and never a parse (issue #5). Lifetimes follow RFC 2308
 * for negative answers; eviction is CLOCK over a concurrent map, bounded in bytes ({@code
 * ClockStore} says why not Caffeine). Plain Java: no socket, no event loop.
 */
package io.sinkhole.cache;

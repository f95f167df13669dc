/**
 * DNS wire format on the fast path: reading the header and question straight from a received
 * buffer, and writing the answers Sinkhole makes up itself. Full message parsing (upstream answers,
 * events) uses dnsjava elsewhere; this package exists so that blocked names and cache hits never
 * pay for it.
 */
package io.sinkhole.wire;

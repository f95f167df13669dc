/**
 * Forwarding to upstream resolvers: UDP from a pool of randomly-ported sockets with the
 * anti-spoofing checks of RFC 5452, TCP after a truncated answer (RFC 7766), merging of identical
 * questions in flight, failover with health tracking and recovery probes, and one overall deadline.
 * One client per event loop, so a query and its upstream reply run on one thread without locks.
 */
package io.sinkhole.upstream;

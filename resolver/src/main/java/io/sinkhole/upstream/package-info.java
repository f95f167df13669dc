/**
 * Forwarding to upstream resolvers over UDP, with the anti-spoofing checks of RFC 5452: a reply is
 * taken only from the address it was sent to, with our random ID and the identical question. One
 * client per event loop, so a query and its upstream reply run on one thread without locks.
 */
package io.sinkhole.upstream;

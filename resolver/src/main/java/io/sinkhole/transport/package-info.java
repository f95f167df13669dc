/**
 * The network edge: Netty listeners for UDP and TCP (RFC 7766 framing), native epoll where the
 * platform has it. Handlers only decode, hand the query to {@link io.sinkhole.query} and write the
 * answer; no policy lives here.
 */
package io.sinkhole.transport;

/**
 * Response rate limiting per client prefix over UDP, so that Sinkhole cannot be used to amplify
 * traffic towards a spoofed victim. Memory is bounded by a fixed number of tracked prefixes.
 */
package io.sinkhole.ratelimit;

/**
 * Names Sinkhole answers itself because no upstream can know them: the reverse zones of private,
 * loopback, link-local and documentation ranges (RFC 6303, RFC 1918, RFC 4193, RFC 6598 via RFC
 * 7793). Forwarding those leaks internal addresses to public resolvers and loads the root servers'
 * sinks (RFC 6303 section 1).
 */
package io.sinkhole.localzone;

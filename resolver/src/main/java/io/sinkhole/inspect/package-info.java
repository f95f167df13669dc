/**
 * Answer inspection: a forwarded answer is checked against the same indicators as the query name,
 * because a listed domain reached through an unlisted alias (CNAME/DNAME, RFC 1034 section 3.6.2,
 * RFC 6672) or a listed address behind an unlisted name is the same threat. Runs only on the
 * forward path; cache hits reuse the verdict stored with the answer.
 */
package io.sinkhole.inspect;

/**
 * The path of one query after it has been parsed: decide, answer locally (block, local zone, cache)
 * or forward and inspect the answer, record. {@link io.sinkhole.query.QueryProcessor} holds the
 * order of the stages in one place.
 */
package io.sinkhole.query;

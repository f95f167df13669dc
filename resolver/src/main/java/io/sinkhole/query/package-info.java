/**
 * The path of one query after it has been parsed: decide, answer locally or forward, record. {@link
 * io.sinkhole.query.QueryProcessor} holds the order of the stages in one place.
 */
package io.sinkhole.query;

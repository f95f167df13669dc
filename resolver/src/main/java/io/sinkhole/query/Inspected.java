package io.sinkhole.query;

import io.sinkhole.policy.Verdict;

/**
 * What answer inspection decided about a cached answer, and against which IOC snapshot (its
 * generation number: holding the snapshot itself would keep every old indicator set alive for as
 * long as any answer inspected against it stays cached). A hit is only served while that snapshot
 * is still the current one: after a reload the entry counts as a miss and the answer is fetched and
 * inspected again, so a newly listed CNAME target or address is never served from cache. {@code
 * upstream} is where the answer came from; a hit's event names it.
 */
record Inspected(Verdict verdict, long generation, String upstream) {}

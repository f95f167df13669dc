/**
 * The indicator store: an immutable {@link io.sinkhole.ioc.IocSet} snapshot of every loaded
 * indicator, built once per load by {@link io.sinkhole.ioc.IocSetBuilder} and published whole.
 * Names live in a compact {@link io.sinkhole.ioc.DomainIndex} matched straight from the wire form
 * of a query; per-feed metadata ({@link io.sinkhole.ioc.Provenance}) is kept apart and shared.
 * Sizes and speeds are measured in the README, "Benchmarks" (issue #5).
 */
package io.sinkhole.ioc;

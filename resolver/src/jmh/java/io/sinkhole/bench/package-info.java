/**
 * Measurements for issue #5, built only by the {@code bench} Maven profile: JMH benchmarks of the
 * IOC store, the question parser and the local answer writers, plus two plain mains that measure
 * what JMH cannot (retained heap of a million-name set, and the time to load a million-line hosts
 * file). Nothing here runs in {@code mvn verify}; the README, "Benchmarks" has the commands.
 */
package io.sinkhole.bench;

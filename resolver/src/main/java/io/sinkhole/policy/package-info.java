/**
 * Decides what a match means: which claim wins, whether it blocks or is only recorded, and the rule
 * that says why. Plain Java over an immutable {@link io.sinkhole.ioc.IocSet} snapshot.
 */
package io.sinkhole.policy;

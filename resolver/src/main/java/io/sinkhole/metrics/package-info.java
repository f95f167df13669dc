/**
 * Prometheus metrics through Micrometer, the readiness checks, and the small HTTP endpoint that
 * serves {@code /metrics}, {@code /healthz} and {@code /readyz}. Label values come from fixed sets
 * or from the configuration, never from a query or an answer; the top-ten indicator table is the
 * one bounded exception, holding listed values from our own feeds.
 */
package io.sinkhole.metrics;

/**
 * Prometheus metrics through Micrometer, and the small HTTP endpoint that serves them. Label values
 * come from fixed sets or from the configuration, never from a query or an answer.
 */
package io.sinkhole.metrics;

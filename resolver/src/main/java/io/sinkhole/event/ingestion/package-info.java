/**
 * Delivery to the Azure Monitor Logs Ingestion API: a sink that spools events on disk and a sender
 * thread that posts them in gzip batches to a data collection rule's stream, with tokens from
 * azure-identity, retries that honour Retry-After, batch splitting on 413 and a long pause instead
 * of a retry storm on 401/403.
 */
package io.sinkhole.event.ingestion;

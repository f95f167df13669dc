/**
 * Who may ask: the client access list that keeps Sinkhole from being an open resolver. It runs
 * before any name is looked at, so a refused client costs one address comparison.
 */
package io.sinkhole.access;

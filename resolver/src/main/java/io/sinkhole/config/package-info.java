/**
 * Configuration: the YAML file, {@code SINKHOLE_*} environment variables and command-line overrides
 * (in that order of precedence), validated once into immutable records, and the masked one-line
 * summary logged at startup. Every error names the file and the line, or the environment variable,
 * and the field, so a bad deployment fails loudly at start.
 */
package io.sinkhole.config;

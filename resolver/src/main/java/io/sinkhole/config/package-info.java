/**
 * Configuration: the YAML file, command-line overrides, validated once into immutable records.
 * Every error names the file, the line and the field, so a bad deployment fails loudly at start.
 */
package io.sinkhole.config;

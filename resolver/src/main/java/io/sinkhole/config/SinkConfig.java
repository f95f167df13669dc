package io.sinkhole.config;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Objects;

/**
 * One event sink under {@code events.sinks}. The fields that apply depend on {@code type}; the
 * others must be left out. Secrets are never read from here: see {@link Auth}.
 *
 * @param name unique, short; the {@code sink} label of the event metrics
 * @param type file, stdout or logs_ingestion
 * @param schema dnsevents (table SinkholeDnsEvents_CL) or asim (ASimDnsActivityLogs)
 * @param filter all queries, or matches only (queries that matched an indicator)
 * @param emptyColumns omit (default) leaves string columns with an empty value out of the row,
 *     which Log Analytics stores as the same empty string; keep writes every column on every row
 * @param path file sinks: the active file; {@code events.file} when absent
 * @param rotateMaxBytes file sinks: start a new file past this size; 0 never
 * @param rotateIntervalSeconds file sinks: start a new file after this long; 0 never
 * @param keepFiles file sinks: rotated files kept; 0 keeps all
 * @param keepMaxAgeHours file sinks: rotated files older than this are deleted; 0 keeps all
 * @param endpoint logs_ingestion: the DCR's logs ingestion endpoint or a DCE
 * @param dcrImmutableId logs_ingestion: the data collection rule's immutable id
 * @param stream logs_ingestion: stream name, such as Custom-SinkholeDnsEvents
 * @param batchMaxBytes logs_ingestion: uncompressed request body limit (API limit 1 MB)
 * @param requestTimeoutMs logs_ingestion: one request's limit
 * @param maxBackoffMs logs_ingestion: longest wait between retries without Retry-After
 * @param authFailurePauseSeconds logs_ingestion: wait after 401/403 before trying again
 */
public record SinkConfig(
    String name,
    Type type,
    Schema schema,
    Filter filter,
    EmptyColumns emptyColumns,
    Path path,
    Long rotateMaxBytes,
    Long rotateIntervalSeconds,
    Integer keepFiles,
    Long keepMaxAgeHours,
    String endpoint,
    String dcrImmutableId,
    String stream,
    Auth auth,
    Spool spool,
    Integer batchMaxBytes,
    Integer requestTimeoutMs,
    Long maxBackoffMs,
    Long authFailurePauseSeconds) {

  public SinkConfig {
    type = Objects.requireNonNullElse(type, Type.FILE);
    name = name == null || name.isBlank() ? type.name().toLowerCase(Locale.ROOT) : name;
    schema = Objects.requireNonNullElse(schema, Schema.DNSEVENTS);
    filter = Objects.requireNonNullElse(filter, Filter.ALL);
    emptyColumns = Objects.requireNonNullElse(emptyColumns, EmptyColumns.OMIT);
    rotateMaxBytes = nonNegative("rotate_max_bytes", rotateMaxBytes, 100L << 20);
    rotateIntervalSeconds = nonNegative("rotate_interval_seconds", rotateIntervalSeconds, 0L);
    keepFiles =
        nonNegative("keep_files", keepFiles == null ? null : (long) keepFiles, 10L).intValue();
    keepMaxAgeHours = nonNegative("keep_max_age_hours", keepMaxAgeHours, 0L);
    batchMaxBytes = Objects.requireNonNullElse(batchMaxBytes, 1_000_000);
    if (batchMaxBytes < 1024 || batchMaxBytes > 1_000_000) {
      throw new IllegalArgumentException(
          "batch_max_bytes must be 1024-1000000 (the API's 1 MB limit), was " + batchMaxBytes);
    }
    requestTimeoutMs = Objects.requireNonNullElse(requestTimeoutMs, 30_000);
    maxBackoffMs = nonNegative("max_backoff_ms", maxBackoffMs, 60_000L);
    authFailurePauseSeconds =
        nonNegative("auth_failure_pause_seconds", authFailurePauseSeconds, 300L);
    if (type == Type.LOGS_INGESTION) {
      requireIngestionFields(endpoint, dcrImmutableId, stream);
      auth = Objects.requireNonNullElse(auth, Auth.DEFAULT);
      spool = Objects.requireNonNullElse(spool, new Spool(null, null, null, null, null));
    }
  }

  private static void requireIngestionFields(String endpoint, String dcr, String stream) {
    if (endpoint == null || !endpoint.matches("https?://.+")) {
      throw new IllegalArgumentException(
          "logs_ingestion sinks need 'endpoint' (https://...), was " + endpoint);
    }
    if (dcr == null || dcr.isBlank()) {
      throw new IllegalArgumentException("logs_ingestion sinks need 'dcr_immutable_id' (dcr-...)");
    }
    if (stream == null || stream.isBlank()) {
      throw new IllegalArgumentException("logs_ingestion sinks need 'stream' (Custom-...)");
    }
  }

  static Long nonNegative(String field, Long value, long dflt) {
    long v = value == null ? dflt : value;
    if (v < 0) {
      throw new IllegalArgumentException(field + " must be 0 or more, was " + v);
    }
    return v;
  }

  /** Whether a row carries string columns whose value is empty. */
  public enum EmptyColumns {
    OMIT,
    KEEP
  }

  /** Where a sink writes. */
  public enum Type {
    FILE,
    STDOUT,
    LOGS_INGESTION
  }

  /** The row shape, after the target table. */
  public enum Schema {
    DNSEVENTS,
    ASIM
  }

  /** Which queries become rows. */
  public enum Filter {
    ALL,
    MATCHES
  }

  /**
   * How a logs_ingestion sink gets its Entra ID token. Secrets come from a file or an environment
   * variable, never from this file; {@code client_secret} is rejected with a hint.
   *
   * @param method client_secret, managed_identity, workload_identity or default (the chain)
   * @param tenantId tenant; environment AZURE_TENANT_ID when absent
   * @param clientId application or user-assigned identity client id; AZURE_CLIENT_ID when absent
   * @param clientSecretFile file holding the client secret (trailing newline ignored)
   * @param clientSecretEnv environment variable holding the client secret
   * @param authorityHost Entra ID authority, for sovereign clouds
   * @param tokenUrl plain OAuth2 client-credentials endpoint; only honoured when the JVM runs with
   *     {@code -Dsinkhole.test.allowTokenUrl=true} (tests against a local fake)
   * @param clientSecret never accepted: present only to explain the error
   */
  public record Auth(
      AuthMethod method,
      String tenantId,
      String clientId,
      Path clientSecretFile,
      String clientSecretEnv,
      String authorityHost,
      String tokenUrl,
      String clientSecret) {
    static final Auth DEFAULT = new Auth(null, null, null, null, null, null, null, null);

    public Auth {
      if (clientSecret != null) {
        throw new IllegalArgumentException(
            "secrets are not read from the configuration: put the client secret in a file"
                + " (client_secret_file) or in the environment (client_secret_env, default"
                + " AZURE_CLIENT_SECRET)");
      }
      method = Objects.requireNonNullElse(method, AuthMethod.DEFAULT);
      clientSecretEnv = Objects.requireNonNullElse(clientSecretEnv, "AZURE_CLIENT_SECRET");
    }
  }

  /** Which azure-identity credential is built. */
  public enum AuthMethod {
    CLIENT_SECRET,
    MANAGED_IDENTITY,
    WORKLOAD_IDENTITY,
    DEFAULT
  }

  /**
   * The on-disk spool in front of a logs_ingestion sink.
   *
   * @param dir directory of segment files; {@code spool/<sink name>} beside the events file when
   *     absent
   * @param maxBytes bound on the segment files together
   * @param segmentBytes size at which a new segment starts
   * @param policy what happens at the bound: drop_oldest or drop_newest
   * @param fsyncIntervalMs appended data is fsynced at most this long after it was written; 0
   *     fsyncs every appended batch
   */
  public record Spool(
      Path dir, Long maxBytes, Long segmentBytes, DropPolicy policy, Long fsyncIntervalMs) {
    public Spool {
      maxBytes = nonNegative("spool.max_bytes", maxBytes, 1L << 30);
      segmentBytes = nonNegative("spool.segment_bytes", segmentBytes, 16L << 20);
      if (segmentBytes < 4096 || segmentBytes > maxBytes) {
        throw new IllegalArgumentException(
            "spool.segment_bytes must be 4096 to max_bytes, was " + segmentBytes);
      }
      policy = Objects.requireNonNullElse(policy, DropPolicy.DROP_OLDEST);
      fsyncIntervalMs = nonNegative("spool.fsync_interval_ms", fsyncIntervalMs, 1000L);
    }
  }

  /** What a full spool gives up. */
  public enum DropPolicy {
    DROP_OLDEST,
    DROP_NEWEST
  }
}

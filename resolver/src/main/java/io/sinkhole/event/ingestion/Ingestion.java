package io.sinkhole.event.ingestion;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;
import java.util.zip.GZIPOutputStream;

/**
 * One Logs Ingestion API call: {@code POST {endpoint}/dataCollectionRules/{dcr}/streams/{stream}
 * ?api-version=2023-01-01}, a JSON array of rows, gzip-encoded, with a bearer token.
 */
final class Ingestion {
  static final String API_VERSION = "2023-01-01";

  private final HttpClient http;
  private final URI uri;
  private final Duration timeout;

  /** The status, how long the service asked us to wait (-1 if it did not), a body excerpt. */
  record Response(int status, long retryAfterMillis, String excerpt) {}

  Ingestion(HttpClient http, String endpoint, String dcr, String stream, Duration timeout) {
    this.http = http;
    this.uri = uri(endpoint, dcr, stream);
    this.timeout = timeout;
  }

  static URI uri(String endpoint, String dcr, String stream) {
    String base = endpoint.endsWith("/") ? endpoint.substring(0, endpoint.length() - 1) : endpoint;
    return URI.create(
        base
            + "/dataCollectionRules/"
            + dcr
            + "/streams/"
            + stream
            + "?api-version="
            + API_VERSION);
  }

  Response post(List<byte[]> rows, String token) throws IOException {
    HttpRequest req =
        HttpRequest.newBuilder(uri)
            .timeout(timeout)
            .header("Authorization", "Bearer " + token)
            .header("Content-Type", "application/json")
            .header("Content-Encoding", "gzip")
            .POST(HttpRequest.BodyPublishers.ofByteArray(gzipArray(rows)))
            .build();
    HttpResponse<String> resp = send(http, req, HttpResponse.BodyHandlers.ofString());
    String body = resp.body() == null ? "" : resp.body();
    return new Response(
        resp.statusCode(),
        retryAfterMillis(resp.headers()),
        body.substring(0, Math.min(300, body.length())));
  }

  /** {@code [row,row,...]} gzipped; the API's 1 MB limit applies before compression. */
  static byte[] gzipArray(List<byte[]> rows) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (GZIPOutputStream gz = new GZIPOutputStream(bytes, 1 << 16)) {
      gz.write('[');
      for (int i = 0; i < rows.size(); i++) {
        if (i > 0) {
          gz.write(',');
        }
        gz.write(rows.get(i));
      }
      gz.write(']');
    }
    return bytes.toByteArray();
  }

  /** Uncompressed body size of {@code rows}: brackets plus separators plus the rows. */
  static long arrayBytes(long payloadBytes, int rows) {
    return payloadBytes + Math.max(rows - 1, 0) + 2;
  }

  /** Retry-After in seconds or as an HTTP date (RFC 9110 10.2.3), or Azure's retry-after-ms. */
  static long retryAfterMillis(java.net.http.HttpHeaders headers) {
    Optional<String> ms = headers.firstValue("retry-after-ms");
    if (ms.isEmpty()) {
      ms = headers.firstValue("x-ms-retry-after-ms");
    }
    try {
      if (ms.isPresent()) {
        return Math.max(0, Long.parseLong(ms.get().trim()));
      }
      Optional<String> ra = headers.firstValue("retry-after");
      if (ra.isEmpty()) {
        return -1;
      }
      String v = ra.get().trim();
      if (v.chars().allMatch(Character::isDigit)) {
        return Long.parseLong(v) * 1000;
      }
      ZonedDateTime at = ZonedDateTime.parse(v, DateTimeFormatter.RFC_1123_DATE_TIME);
      return Math.max(0, at.toInstant().toEpochMilli() - System.currentTimeMillis());
    } catch (RuntimeException e) {
      return -1; // a malformed header is the service's problem; fall back to our backoff
    }
  }

  static <T> HttpResponse<T> send(
      HttpClient http, HttpRequest req, HttpResponse.BodyHandler<T> handler) throws IOException {
    try {
      return http.send(req, handler);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new InterruptedIOException("interrupted");
    }
  }
}

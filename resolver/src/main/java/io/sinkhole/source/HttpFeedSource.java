package io.sinkhole.source;

import io.sinkhole.config.FeedConfig;
import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodySubscribers;
import java.net.http.HttpTimeoutException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A feed downloaded over HTTP(S) into {@code state_dir}. The last accepted download is kept as
 * {@code NAME.feed} with its validators in {@code NAME.meta}, so that a restart without network
 * still has the feed and the next request can be conditional (RFC 9110 section 13.1: {@code
 * If-None-Match} with the ETag, {@code If-Modified-Since} with the exact Last-Modified text).
 */
final class HttpFeedSource implements FeedSource {
  private static final Duration MAX_TRANSFER = Duration.ofMinutes(2);
  private final URI url;
  private final Duration timeout;
  private final HttpClient client;
  private final Path dir;
  private final Path saved;
  private final Path meta;
  private final Path download;
  private Properties pending;

  HttpFeedSource(FeedConfig feed, Path stateDir) {
    this.url = feed.url();
    this.timeout = Duration.ofMillis(feed.timeoutMs());
    this.client =
        HttpClient.newBuilder()
            .connectTimeout(timeout)
            .followRedirects(HttpClient.Redirect.NORMAL)
            .build();
    String stem = feed.name().replaceAll("[^A-Za-z0-9._-]", "_");
    this.dir = stateDir;
    this.saved = stateDir.resolve(stem + ".feed");
    this.meta = stateDir.resolve(stem + ".meta");
    this.download = stateDir.resolve(stem + ".download");
  }

  @Override
  public String origin() {
    return url.toString();
  }

  @Override
  public Path fetch(boolean conditional) throws FeedRejectedException {
    HttpRequest request = request(conditional && Files.isRegularFile(saved));
    HttpResponse<Path> response;
    try {
      Files.createDirectories(dir);
      response = send(request);
    } catch (IOException e) {
      throw new FeedRejectedException("download", "download failed: " + e, e);
    }
    return handle(response);
  }

  /**
   * The request timeout only covers the wait for the response headers; a server trickling the body
   * would otherwise hold the single reload thread, so the whole transfer is bounded too.
   */
  private HttpResponse<Path> send(HttpRequest request) throws IOException, FeedRejectedException {
    CompletableFuture<HttpResponse<Path>> future = client.sendAsync(request, this::body);
    try {
      return future.get(MAX_TRANSFER.toMillis(), TimeUnit.MILLISECONDS);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof HttpTimeoutException) {
        throw new FeedRejectedException(
            "timeout", "no answer within " + timeout.toMillis() + " ms");
      }
      throw e.getCause() instanceof IOException io ? io : new IOException(e.getCause());
    } catch (TimeoutException e) {
      future.cancel(true);
      throw new FeedRejectedException("timeout", "transfer not done within " + MAX_TRANSFER);
    } catch (InterruptedException e) {
      future.cancel(true);
      Thread.currentThread().interrupt();
      throw new FeedRejectedException("download", "interrupted", e);
    }
  }

  private HttpResponse.BodySubscriber<Path> body(HttpResponse.ResponseInfo info) {
    return info.statusCode() == 200
        ? BodySubscribers.ofFile(download)
        : BodySubscribers.replacing(null);
  }

  private HttpRequest request(boolean conditional) {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(url).timeout(timeout).header("User-Agent", "sinkhole").GET();
    Properties validators = conditional ? readMeta() : new Properties();
    if (url.toString().equals(validators.getProperty("url"))) {
      copy(validators, "etag", b, "If-None-Match");
      copy(validators, "last_modified", b, "If-Modified-Since");
    }
    return b.build();
  }

  private static void copy(Properties p, String key, HttpRequest.Builder b, String header) {
    String value = p.getProperty(key);
    if (value != null && !value.isEmpty()) {
      b.header(header, value);
    }
  }

  private Path handle(HttpResponse<Path> response) throws FeedRejectedException {
    int status = response.statusCode();
    if (status == 304 && Files.isRegularFile(saved)) {
      return null;
    }
    if (status != 200) {
      throw new FeedRejectedException("http", "HTTP status " + status + " from " + url);
    }
    pending = new Properties();
    pending.setProperty("url", url.toString());
    response.headers().firstValue("ETag").ifPresent(v -> pending.setProperty("etag", v));
    response
        .headers()
        .firstValue("Last-Modified")
        .ifPresent(v -> pending.setProperty("last_modified", v));
    return download;
  }

  @Override
  public void keep() {
    try {
      Files.move(download, saved, StandardCopyOption.REPLACE_EXISTING);
      try (Writer w = Files.newBufferedWriter(meta)) {
        pending.store(w, "validators of " + saved.getFileName());
      }
    } catch (IOException e) {
      throw new java.io.UncheckedIOException("cannot keep the download as " + saved, e);
    }
  }

  @Override
  public void discard() {
    try {
      Files.deleteIfExists(download);
    } catch (IOException e) {
      // The next download overwrites it.
    }
  }

  @Override
  public Path savedCopy() {
    return Files.isRegularFile(saved) ? saved : null;
  }

  private Properties readMeta() {
    Properties p = new Properties();
    try (Reader r = Files.newBufferedReader(meta)) {
      p.load(r);
    } catch (IOException e) {
      // No validators: the request is simply unconditional.
    }
    return p;
  }
}

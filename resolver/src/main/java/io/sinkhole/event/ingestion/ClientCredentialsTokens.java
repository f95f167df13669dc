package io.sinkhole.event.ingestion;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * A plain OAuth 2.0 client-credentials request (RFC 6749 4.4) to a configured token URL. Only for
 * tests against a local fake, which MSAL refuses (it requires https and Entra ID discovery); the
 * configuration honours {@code token_url} only under {@code -Dsinkhole.test.allowTokenUrl=true}.
 */
final class ClientCredentialsTokens extends CachedToken {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final HttpClient http;
  private final URI url;
  private final String form;

  ClientCredentialsTokens(HttpClient http, URI url, String clientId, String secret) {
    this.http = http;
    this.url = url;
    this.form =
        "grant_type=client_credentials&client_id="
            + encode(clientId)
            + "&client_secret="
            + encode(secret)
            + "&scope="
            + encode(SCOPE);
  }

  private static String encode(String s) {
    return URLEncoder.encode(s == null ? "" : s, StandardCharsets.UTF_8);
  }

  @Override
  protected Fresh fetch() throws IOException {
    HttpRequest req =
        HttpRequest.newBuilder(url)
            .timeout(Duration.ofSeconds(10))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(form))
            .build();
    HttpResponse<String> resp = Ingestion.send(http, req, HttpResponse.BodyHandlers.ofString());
    if (resp.statusCode() != 200) {
      throw new IOException("token endpoint answered HTTP " + resp.statusCode());
    }
    JsonNode body = JSON.readTree(resp.body());
    long expiresIn = body.path("expires_in").asLong(3600);
    return new Fresh(
        body.path("access_token").asText(), System.currentTimeMillis() + expiresIn * 1000);
  }
}

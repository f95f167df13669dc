package io.sinkhole.event.ingestion;

import com.azure.core.credential.TokenCredential;
import com.azure.identity.ClientSecretCredentialBuilder;
import com.azure.identity.DefaultAzureCredentialBuilder;
import com.azure.identity.ManagedIdentityCredentialBuilder;
import com.azure.identity.WorkloadIdentityCredentialBuilder;
import io.sinkhole.config.SinkConfig.Auth;
import io.sinkhole.config.SinkConfig.AuthMethod;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.file.Files;

/**
 * Builds the token source an {@link Auth} block asks for. Secrets are read from a file or the
 * environment here and passed straight to the credential; they are never logged or kept in the
 * configuration.
 */
final class Credentials {
  static final String ALLOW_TOKEN_URL = "sinkhole.test.allowTokenUrl";

  private Credentials() {}

  static TokenSource tokens(Auth auth, HttpClient http) throws IOException {
    if (auth.tokenUrl() != null) {
      if (!Boolean.getBoolean(ALLOW_TOKEN_URL)) {
        throw new IOException(
            "auth.token_url is for tests only (needs -D" + ALLOW_TOKEN_URL + "=true)");
      }
      return new ClientCredentialsTokens(
          http, URI.create(auth.tokenUrl()), clientId(auth), secret(auth));
    }
    return new AzureIdentityTokens(credential(auth));
  }

  private static TokenCredential credential(Auth auth) throws IOException {
    return switch (auth.method()) {
      case CLIENT_SECRET -> clientSecret(auth);
      case MANAGED_IDENTITY -> managedIdentity(auth);
      case WORKLOAD_IDENTITY -> workloadIdentity(auth);
      case DEFAULT -> new DefaultAzureCredentialBuilder().build();
    };
  }

  private static TokenCredential clientSecret(Auth auth) throws IOException {
    ClientSecretCredentialBuilder b =
        new ClientSecretCredentialBuilder()
            .tenantId(required(tenantId(auth), "tenant_id or AZURE_TENANT_ID"))
            .clientId(required(clientId(auth), "client_id or AZURE_CLIENT_ID"))
            .clientSecret(secret(auth));
    if (auth.authorityHost() != null) {
      b.authorityHost(auth.authorityHost());
    }
    return b.build();
  }

  private static TokenCredential managedIdentity(Auth auth) {
    ManagedIdentityCredentialBuilder b = new ManagedIdentityCredentialBuilder();
    String clientId = clientId(auth);
    if (clientId != null) {
      b.clientId(clientId); // a user-assigned identity; none means the system-assigned one
    }
    return b.build();
  }

  /** Reads AZURE_FEDERATED_TOKEN_FILE and friends, as set by the AKS workload identity webhook. */
  private static TokenCredential workloadIdentity(Auth auth) {
    WorkloadIdentityCredentialBuilder b = new WorkloadIdentityCredentialBuilder();
    if (tenantId(auth) != null) {
      b.tenantId(tenantId(auth));
    }
    if (clientId(auth) != null) {
      b.clientId(clientId(auth));
    }
    if (auth.authorityHost() != null) {
      b.authorityHost(auth.authorityHost());
    }
    return b.build();
  }

  private static String tenantId(Auth auth) {
    return auth.tenantId() != null ? auth.tenantId() : System.getenv("AZURE_TENANT_ID");
  }

  private static String clientId(Auth auth) {
    return auth.clientId() != null ? auth.clientId() : System.getenv("AZURE_CLIENT_ID");
  }

  static String secret(Auth auth) throws IOException {
    String s =
        auth.clientSecretFile() != null
            ? Files.readString(auth.clientSecretFile()).strip()
            : System.getenv(auth.clientSecretEnv());
    String where =
        auth.clientSecretFile() != null
            ? "file " + auth.clientSecretFile()
            : "environment variable " + auth.clientSecretEnv();
    return required(s, "a client secret in " + where);
  }

  private static String required(String value, String what) throws IOException {
    if (value == null || value.isBlank()) {
      throw new IOException("auth: missing " + what);
    }
    return value;
  }

  static boolean usesSecret(Auth auth) {
    return auth.method() == AuthMethod.CLIENT_SECRET || auth.tokenUrl() != null;
  }
}

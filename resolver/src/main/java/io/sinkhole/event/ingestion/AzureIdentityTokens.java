package io.sinkhole.event.ingestion;

import com.azure.core.credential.AccessToken;
import com.azure.core.credential.TokenCredential;
import com.azure.core.credential.TokenRequestContext;
import java.io.IOException;

/** Tokens from an azure-identity credential: the production path for every auth method. */
final class AzureIdentityTokens extends CachedToken {
  private final TokenCredential credential;
  private final TokenRequestContext request = new TokenRequestContext().addScopes(SCOPE);

  AzureIdentityTokens(TokenCredential credential) {
    this.credential = credential;
  }

  @Override
  protected Fresh fetch() throws IOException {
    try {
      AccessToken t = credential.getTokenSync(request);
      return new Fresh(t.getToken(), t.getExpiresAt().toInstant().toEpochMilli());
    } catch (RuntimeException e) {
      // azure-identity reports every failure unchecked; its messages carry no secret.
      throw new IOException("cannot get a token: " + e.getMessage(), e);
    }
  }
}

package io.sinkhole.config;

import java.nio.file.Path;
import java.util.Objects;

/**
 * How client addresses appear in events: as they are, hashed with a secret key (HMAC-SHA256), or
 * cut to a network prefix.
 *
 * @param clientAddress keep, hash or truncate
 * @param keyFile file holding the hash key (hash mode)
 * @param keyEnv environment variable holding the hash key when no file is given
 * @param ipv4Prefix prefix length kept of IPv4 addresses (truncate mode)
 * @param ipv6Prefix prefix length kept of IPv6 addresses (truncate mode)
 */
public record PrivacyConfig(
    ClientAddress clientAddress,
    Path keyFile,
    String keyEnv,
    Integer ipv4Prefix,
    Integer ipv6Prefix) {
  public static final PrivacyConfig NONE = new PrivacyConfig(null, null, null, null, null);

  public PrivacyConfig {
    clientAddress = Objects.requireNonNullElse(clientAddress, ClientAddress.KEEP);
    keyEnv = Objects.requireNonNullElse(keyEnv, "SINKHOLE_CLIENT_HASH_KEY");
    ipv4Prefix = Objects.requireNonNullElse(ipv4Prefix, 24);
    ipv6Prefix = Objects.requireNonNullElse(ipv6Prefix, 56);
    if (ipv4Prefix < 0 || ipv4Prefix > 32 || ipv6Prefix < 0 || ipv6Prefix > 128) {
      throw new IllegalArgumentException(
          "ipv4_prefix must be 0-32 and ipv6_prefix 0-128, were " + ipv4Prefix + ", " + ipv6Prefix);
    }
  }

  /** What is written for a client address. */
  public enum ClientAddress {
    KEEP,
    HASH,
    TRUNCATE
  }
}

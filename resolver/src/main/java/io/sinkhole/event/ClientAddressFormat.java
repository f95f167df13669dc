package io.sinkhole.event;

import io.sinkhole.config.PrivacyConfig;
import java.io.IOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Writes a client address as configured under {@code events.privacy}: as is, as a keyed hash
 * (HMAC-SHA256, so that nobody without the key can test guesses against the 2^32 IPv4 space), or
 * cut to a network prefix.
 */
public abstract class ClientAddressFormat {
  /** RFC 5952 text, IPv4-mapped clients as plain IPv4. */
  public static final ClientAddressFormat KEEP =
      new ClientAddressFormat() {
        @Override
        public String format(InetAddress a) {
          return DnsEventsSchema.clientIp(a);
        }
      };

  public abstract String format(InetAddress a);

  /** The format {@code privacy} asks for; hash keys are read here, once. */
  public static ClientAddressFormat of(PrivacyConfig privacy) throws IOException {
    return switch (privacy.clientAddress()) {
      case KEEP -> KEEP;
      case HASH -> new Hashed(key(privacy));
      case TRUNCATE -> new Truncated(privacy.ipv4Prefix(), privacy.ipv6Prefix());
    };
  }

  private static byte[] key(PrivacyConfig p) throws IOException {
    String text =
        p.keyFile() != null ? Files.readString(p.keyFile()).strip() : System.getenv(p.keyEnv());
    if (text == null || text.length() < 16) {
      throw new IOException(
          "events.privacy: client_address hash needs a key of 16 or more characters in key_file"
              + " or in the environment variable "
              + p.keyEnv());
    }
    return text.getBytes(StandardCharsets.UTF_8);
  }

  /** The first 128 bits of HMAC-SHA256 over the address text, in hex. */
  static final class Hashed extends ClientAddressFormat {
    private final ThreadLocal<Mac> mac;

    Hashed(byte[] key) {
      this.mac = ThreadLocal.withInitial(() -> newMac(key));
    }

    private static Mac newMac(byte[] key) {
      try {
        Mac m = Mac.getInstance("HmacSHA256");
        m.init(new SecretKeySpec(key, "HmacSHA256"));
        return m;
      } catch (GeneralSecurityException e) {
        throw new IllegalStateException("HmacSHA256 is part of every Java runtime", e);
      }
    }

    @Override
    public String format(InetAddress a) {
      byte[] h = mac.get().doFinal(KEEP.format(a).getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(h, 0, 16);
    }
  }

  /** The address with every bit past the prefix cleared: 192.0.2.77 becomes 192.0.2.0. */
  static final class Truncated extends ClientAddressFormat {
    private final int v4;
    private final int v6;

    Truncated(int v4, int v6) {
      this.v4 = v4;
      this.v6 = v6;
    }

    @Override
    public String format(InetAddress a) {
      String plain = KEEP.format(a);
      try {
        InetAddress parsed = InetAddress.getByName(plain); // a literal: no lookup
        byte[] b = parsed.getAddress();
        clearAfter(b, b.length == 4 ? v4 : v6);
        return KEEP.format(InetAddress.getByAddress(b));
      } catch (UnknownHostException e) {
        return "";
      }
    }

    private static void clearAfter(byte[] b, int prefix) {
      for (int i = 0; i < b.length; i++) {
        int keep = Math.max(0, Math.min(8, prefix - i * 8));
        b[i] &= (byte) (0xff << (8 - keep));
      }
    }
  }
}

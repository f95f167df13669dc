package io.sinkhole.feed;

/**
 * Decodes the owner labels of an {@code rpz-ip} trigger (draft-vixie-dnsop-dns-rpz section 4.2):
 * the prefix length, then the address in reverse order; IPv4 as decimal octets, IPv6 as hex groups
 * with {@code zz} standing for the {@code ::} run.
 */
final class RpzIpNames {
  private RpzIpNames() {}

  /** {@code address/prefix} in canonical form, or null when the labels are not a valid trigger. */
  static String toCidr(String labels) {
    String[] parts = labels.split("\\.", -1);
    if (parts.length < 2) {
      return null;
    }
    boolean v4 = parts.length == 5 && !labels.contains("zz") && !hasHexLetter(labels);
    StringBuilder address = new StringBuilder();
    for (int i = parts.length - 1; i >= 1; i--) {
      address.append(parts[i].equals("zz") ? "" : parts[i]);
      if (i > 1) {
        address.append(v4 ? '.' : ':');
      }
    }
    String text = address.toString();
    if (!v4) {
      text = text.startsWith(":") ? ":" + text : text;
      text = text.endsWith(":") ? text + ":" : text;
    }
    return IpAddresses.canonicalCidr(text + "/" + parts[0]);
  }

  private static boolean hasHexLetter(String text) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c >= 'a' && c <= 'f') {
        return true;
      }
    }
    return false;
  }
}

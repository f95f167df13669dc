package io.sinkhole.feed;

import java.net.IDN;
import java.util.Locale;

/**
 * Normalises and validates DNS names read from feeds.
 *
 * <p>Runs once per line of million-line hosts files, so plain ASCII names take a path with no regex
 * and no allocation beyond {@link String#trim()}; only non-ASCII input goes through {@link IDN}.
 * The rules follow RFC 1035 section 2.3.4 (253 characters, labels of 1 to 63) but accept
 * underscores (RFC 2782 service labels, and real tracker names use them) and leading or trailing
 * hyphens, because block lists do carry such names and resolvers still answer for them.
 */
public final class DomainNames {
  static final int MAX_NAME_LENGTH = 253;
  static final int MAX_LABEL_LENGTH = 63;

  private DomainNames() {}

  /**
   * Returns the name trimmed, without one trailing dot, in lower-case ASCII (IDN as punycode), or
   * null when it is not a usable DNS name. A bare IPv4 address is not a name: a top-level label
   * must not be all digits (RFC 3696 section 2).
   */
  public static String normalize(String raw) {
    if (raw == null) {
      return null;
    }
    String name = raw.trim();
    if (name.endsWith(".")) {
      name = name.substring(0, name.length() - 1);
    }
    if (!isAscii(name)) {
      name = toAscii(name);
      if (name == null) {
        return null;
      }
    }
    name = lowerCase(name);
    return isValidAscii(name) ? name : null;
  }

  /** True when {@link #normalize} accepts the name. */
  public static boolean isValid(String raw) {
    return normalize(raw) != null;
  }

  /** True when the name is already in the form {@link #normalize} returns. */
  public static boolean isNormalized(String name) {
    return name != null && name.equals(normalize(name));
  }

  private static boolean isAscii(String s) {
    for (int i = 0; i < s.length(); i++) {
      if (s.charAt(i) >= 0x80) {
        return false;
      }
    }
    return true;
  }

  private static String toAscii(String name) {
    try {
      return IDN.toASCII(name, IDN.ALLOW_UNASSIGNED);
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  private static String lowerCase(String s) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c >= 'A' && c <= 'Z') {
        return s.toLowerCase(Locale.ROOT);
      }
    }
    return s;
  }

  // One pass over the name checks characters, label lengths and the numeric top-level label
  // together; kept as a single loop because it is the hot path of every list parser.
  private static boolean isValidAscii(String name) {
    int length = name.length();
    if (length == 0 || length > MAX_NAME_LENGTH) {
      return false;
    }
    int labelStart = 0;
    boolean allDigits = true;
    for (int i = 0; i < length; i++) {
      char c = name.charAt(i);
      if (c == '.') {
        if (!isLabelLength(i - labelStart)) {
          return false;
        }
        labelStart = i + 1;
        allDigits = true;
      } else if (isDigit(c)) {
        continue;
      } else if (isLetterHyphenUnderscore(c)) {
        allDigits = false;
      } else {
        return false;
      }
    }
    return isLabelLength(length - labelStart) && !allDigits;
  }

  private static boolean isLabelLength(int length) {
    return length >= 1 && length <= MAX_LABEL_LENGTH;
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }

  private static boolean isLetterHyphenUnderscore(char c) {
    return (c >= 'a' && c <= 'z') || c == '-' || c == '_';
  }
}

package io.sinkhole.feed;

/** Makes feed text safe to show in problems, logs and metrics. */
final class Excerpts {
  static final int MAX_LENGTH = 80;

  private Excerpts() {}

  /**
   * Shortens the text to {@link #MAX_LENGTH} characters and replaces control, format (bidi
   * overrides) and surrogate characters with '?', so a hostile feed line cannot forge log lines or
   * reorder what an operator sees.
   */
  static String of(String text) {
    if (text == null) {
      return "";
    }
    boolean cut = text.length() > MAX_LENGTH;
    int keep = cut ? MAX_LENGTH - 3 : text.length();
    StringBuilder out = new StringBuilder(keep + 3);
    for (int i = 0; i < keep; i++) {
      char c = text.charAt(i);
      out.append(isUnsafe(c) ? '?' : c);
    }
    return cut ? out.append("...").toString() : out.toString();
  }

  private static boolean isUnsafe(char c) {
    if (Character.isISOControl(c) || Character.isSurrogate(c)) {
      return true;
    }
    int type = Character.getType(c);
    return type == Character.FORMAT
        || type == Character.LINE_SEPARATOR
        || type == Character.PARAGRAPH_SEPARATOR;
  }
}

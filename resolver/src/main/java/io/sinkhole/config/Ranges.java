package io.sinkhole.config;

/** Range checks whose messages name the field and show the bad value. */
final class Ranges {
  private Ranges() {}

  static void check(String field, int value, int min, int max) {
    if (value < min || value > max) {
      throw new IllegalArgumentException(field + " must be " + min + "-" + max + ", was " + value);
    }
  }
}

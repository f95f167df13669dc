package io.sinkhole.cache;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

class CacheKeyTest {
  private static CacheKey key(byte[] name, int length, int qtype, boolean dnssecOk) {
    return CacheKey.of(name, length, qtype, 1, dnssecOk, false, true);
  }

  /** Equal content, equal keys and weights, for names short and long. */
  @Test
  void equalQuestions_giveEqualKeys_whateverFollowsTheNameInItsBuffer() {
    Random random = new Random(7);
    for (int length = 1; length <= 80; length++) {
      byte[] name = new byte[length];
      random.nextBytes(name);
      byte[] padded = Arrays.copyOf(name, length + 40);
      Arrays.fill(padded, length, padded.length, (byte) 0x5a); // garbage after the name

      CacheKey a = key(name, length, 1, false);
      CacheKey b = key(padded, length, 1, false);

      assertThat(a).isEqualTo(b);
      assertThat(a.hashCode()).isEqualTo(b.hashCode());
      assertThat(a.weight()).isEqualTo(length + 5 + 32);
    }
  }

  /** One byte changed anywhere in the name, or the type, the DO bit or the length. */
  @Test
  void anyDifference_givesUnequalKeys() {
    Random random = new Random(11);
    for (int length = 1; length <= 80; length++) {
      byte[] name = new byte[length];
      random.nextBytes(name);
      CacheKey base = key(name, length, 1, false);
      for (int i = 0; i < length; i++) {
        byte[] other = name.clone();
        other[i] ^= 0x20;
        assertThat(key(other, length, 1, false)).isNotEqualTo(base);
      }
      assertThat(key(name, length, 28, false)).isNotEqualTo(base);
      assertThat(key(name, length, 1, true)).isNotEqualTo(base);
      if (length > 1) {
        assertThat(key(name, length - 1, 1, false)).isNotEqualTo(base);
      }
    }
  }
}

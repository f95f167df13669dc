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

  /**
   * A probe refilled question after question (names short and long, so its buffer grows) equals and
   * hashes like the key {@code of} makes, and a copy keeps its question after the probe moves on.
   */
  @Test
  void refilledProbe_equalsTheKeyOfMakes_andItsCopyStaysPut() {
    Random random = new Random(13);
    CacheKey probe = CacheKey.probe();
    for (int length : new int[] {3, 80, 1, 200, 17, 64, 65, 2}) {
      byte[] name = new byte[length];
      random.nextBytes(name);
      byte[] padded = Arrays.copyOf(name, length + 9);
      CacheKey made = key(name, length, 28, true);

      probe.set(padded, length, 28, 1, true, false, true);
      CacheKey copy = probe.copy();

      assertThat(probe).isEqualTo(made);
      assertThat(made).isEqualTo(probe);
      assertThat(probe.hashCode()).isEqualTo(made.hashCode());
      assertThat(copy.weight()).isEqualTo(made.weight());
      probe.set(padded, length, 1, 1, true, false, true);
      assertThat(copy).isEqualTo(made).isNotEqualTo(probe);
    }
  }

  @Test
  void aKeyMadeByOf_cannotBeRefilled() {
    CacheKey made = key(new byte[] {1, 'a', 0}, 3, 1, false);

    org.assertj.core.api.Assertions.assertThatThrownBy(
            () -> made.set(new byte[] {1, 'b', 0}, 3, 1, 1, false, false, true))
        .isInstanceOf(IllegalStateException.class);
    assertThat(made.copy()).isSameAs(made);
  }
}

package io.sinkhole.bench;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

/**
 * Deterministic malicious-looking names with the shape of the shared bench harness's block list
 * ({@code shared/bench/tools/gendata.py}): a third DGA-like strings, a third syllables, a third
 * word combinations, 15 % with a sub-label, over about 70 TLDs. Mean length is about 16
 * characters and 2.15 labels, like the harness's 1M list.
 */
final class BenchNames {
  private static final String[] TLDS =
      ("com com com com net net org info biz xyz xyz top top ru ru cn su io co cc tk ml ga cf gq"
              + " pw club online site shop live icu vip buzz work fun space website store tech pro"
              + " me tv ws in br ua kz by de uk fr nl pl it es us ir tr vn id th ph ng za mx ar cl"
              + " pe ve to ly sh")
          .split(" ");
  private static final String[] WORDS =
      ("secure login update verify account bank pay wallet cdn api auth signin support service"
              + " mail cloud drive app free gift prize win bonus crypto coin trade invest track"
              + " stat data sync telemetry game cheat hack mod loader panel admin portal web")
          .split(" ");
  static final String[] SUBLABELS = "www cdn api m mail static img dl ws c2 gate a b".split(" ");
  private static final String ALNUM = "abcdefghijklmnopqrstuvwxyz0123456789";
  private static final String CONSONANTS = "bcdfghjklmnprstvwxz";
  private static final String VOWELS = "aeiou";

  private BenchNames() {}

  /** {@code count} distinct names, always the same for the same seed. */
  static List<String> distinct(int count, long seed) {
    Random rng = new Random(seed);
    Set<String> seen = new HashSet<>(count * 2);
    List<String> out = new ArrayList<>(count);
    while (out.size() < count) {
      String n = one(rng);
      if (seen.add(n)) {
        out.add(n);
      }
    }
    return out;
  }

  static String one(Random rng) {
    double style = rng.nextDouble();
    String label;
    if (style < 0.35) {
      label = random(rng, ALNUM, 8 + rng.nextInt(11));
    } else if (style < 0.70) {
      label = syllables(rng, 2 + rng.nextInt(4));
      label += rng.nextDouble() < 0.4 ? Integer.toString(rng.nextInt(1000)) : "";
    } else {
      label = words(rng, 2 + rng.nextInt(2));
      label += rng.nextDouble() < 0.3 ? Integer.toString(1 + rng.nextInt(99)) : "";
    }
    String name = label + "." + TLDS[rng.nextInt(TLDS.length)];
    return rng.nextDouble() < 0.15 ? SUBLABELS[rng.nextInt(SUBLABELS.length)] + "." + name : name;
  }

  private static String random(Random rng, String alphabet, int n) {
    StringBuilder b = new StringBuilder(n);
    for (int i = 0; i < n; i++) {
      b.append(alphabet.charAt(rng.nextInt(alphabet.length())));
    }
    return b.toString();
  }

  private static String syllables(Random rng, int n) {
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < n; i++) {
      b.append(CONSONANTS.charAt(rng.nextInt(CONSONANTS.length())));
      b.append(VOWELS.charAt(rng.nextInt(VOWELS.length())));
    }
    return b.toString();
  }

  private static String words(Random rng, int n) {
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < n; i++) {
      b.append(i > 0 ? "-" : "").append(WORDS[rng.nextInt(WORDS.length)]);
    }
    return b.toString();
  }
}

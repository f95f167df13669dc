package io.sinkhole.ioc;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

class DomainIndexTest {

  @Test
  void growingFromTinyToHundredThousandNames_findsEveryNameAndNoOther() {
    DomainIndex index = new DomainIndex(4);
    Set<String> listed = new HashSet<>();
    Random rng = new Random(5);
    byte[] wire = new byte[256];
    while (listed.size() < 100_000) {
      String name = randomName(rng);
      int entry = index.add(wire, WireNames.toWire(name, wire));
      assertThat(listed.add(name)).isEqualTo(entry == listed.size() - 1);
    }
    index.compact();

    for (String name : listed) {
      assertThat(find(index, name)).as(name).isGreaterThanOrEqualTo(0);
    }
    for (int i = 0; i < 100_000; i++) {
      String other = randomName(rng);
      assertThat(find(index, other) >= 0).as(other).isEqualTo(listed.contains(other));
    }
  }

  @Test
  void presentation_givesTheListedNameBack() {
    DomainIndex index = new DomainIndex(4);
    byte[] wire = new byte[256];

    int entry = index.add(wire, WireNames.toWire("c2.bad-actor.example", wire));

    assertThat(index.presentation(entry)).isEqualTo("c2.bad-actor.example");
  }

  private static int find(DomainIndex index, String name) {
    QueryNames q = QueryNames.of(name);
    long[] found = new long[128];
    int first = index.findSuffixes(q.wire, q.labelStarts, q.labelCount, q.length, found);
    return first == 0 ? (int) found[0] : -1;
  }

  // Few labels from a small alphabet, so that many names share parents and ancestors.
  private static String randomName(Random rng) {
    StringBuilder b = new StringBuilder();
    int labels = 1 + rng.nextInt(4);
    for (int i = 0; i < labels; i++) {
      b.append(i > 0 ? "." : "").append((char) ('a' + rng.nextInt(3)));
      b.append(rng.nextInt(i == labels - 1 ? 5 : 300));
    }
    return b.toString();
  }
}

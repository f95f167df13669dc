package io.sinkhole.ioc;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

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

  @ParameterizedTest(name = "parent added first: {0}")
  @ValueSource(booleans = {true, false})
  void nameThatIsListedAndAnAncestor_isFoundAndTheWalkGoesBelowIt(boolean parentFirst) {
    DomainIndex index = new DomainIndex(4);
    byte[] wire = new byte[256];
    String[] names = {"example.com", "c2.www.example.com"};
    int parent = -1;
    int child = -1;
    for (int i = 0; i < 2; i++) {
      String name = names[parentFirst ? i : 1 - i];
      int entry = index.add(wire, WireNames.toWire(name, wire));
      parent = name.equals(names[0]) ? entry : parent;
      child = name.equals(names[1]) ? entry : child;
    }

    assertThat(listedSuffixes(index, "a.c2.www.example.com"))
        .isEqualTo(Map.of(1, child, 3, parent));
  }

  // A mask of 0 leaves no fingerprint at all: every slot of a chain looks like every name.
  @ParameterizedTest(name = "fingerprint mask {0}")
  @ValueSource(ints = {-1, 0x8000_0000, 0})
  void fingerprintCollisions_neverChangeWhichSuffixesAreFound(int fingerprintMask) {
    DomainIndex index = new DomainIndex(4, fingerprintMask);
    Map<String, Integer> listed = new HashMap<>();
    Random rng = new Random(7);
    byte[] wire = new byte[256];
    while (listed.size() < 20_000) {
      String name = randomName(rng);
      listed.putIfAbsent(name, index.add(wire, WireNames.toWire(name, wire)));
    }
    index.compact();

    List<String> names = List.copyOf(listed.keySet());
    for (int i = 0; i < 50_000; i++) {
      String query = queryName(rng, names);
      assertThat(listedSuffixes(index, query)).as(query).isEqualTo(oracle(listed, query));
    }
  }

  // Half under a listed name (so the walk must reach it), half random; up to two labels in front.
  private static String queryName(Random rng, List<String> listed) {
    String base = rng.nextBoolean() ? listed.get(rng.nextInt(listed.size())) : randomName(rng);
    return "x.y.".substring(0, 2 * rng.nextInt(3)) + base;
  }

  /** Label index to entry, for every suffix the walk reports as listed. */
  private static Map<Integer, Integer> listedSuffixes(DomainIndex index, String name) {
    QueryNames q = QueryNames.of(name);
    long[] found = new long[128];
    int first = index.findSuffixes(q.wire, q.labelStarts, q.labelCount, q.length, found);
    Map<Integer, Integer> out = new HashMap<>();
    for (int i = first; i < q.labelCount; i++) {
      if (found[i] >= 0) {
        out.put(i, (int) found[i]);
      }
    }
    return out;
  }

  private static Map<Integer, Integer> oracle(Map<String, Integer> listed, String name) {
    String[] labels = name.split("\\.");
    Map<Integer, Integer> out = new HashMap<>();
    for (int i = 0; i < labels.length; i++) {
      Integer entry =
          listed.get(String.join(".", java.util.Arrays.copyOfRange(labels, i, labels.length)));
      if (entry != null) {
        out.put(i, entry);
      }
    }
    return out;
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

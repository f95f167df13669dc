package io.sinkhole.ioc;

import io.sinkhole.ioc.FeedEntries.Claim;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Numbers the distinct claims of one feed as it is parsed. Consecutive entries usually say the
 * same, so the last claim is compared by identity before the map is asked: a hosts line costs no
 * hashing of its metadata.
 */
final class Claims {
  private final Map<Claim, Integer> numbers = new HashMap<>();
  private final List<Claim> list = new ArrayList<>();
  private final int[] plain = {-1, -1, -1, -1};
  private Claim last;
  private int lastNumber;

  int of(Indicator ind) {
    Claim c = last;
    if (c != null
        && c.type() == ind.type()
        && c.threat() == ind.threat()
        && c.scope() == ind.scope()
        && c.directive() == ind.directive()
        && c.localData().isEmpty()
        && ind.localData().isEmpty()) {
      return lastNumber;
    }
    Claim next = new Claim(ind.type(), ind.threat(), ind.scope(), ind.directive(), ind.localData());
    lastNumber = number(next);
    last = next;
    return lastNumber;
  }

  /** The claim of a name with no metadata of its own, in {@code scope}. */
  int plainName(MatchScope scope) {
    int n = plain[scope.ordinal()];
    if (n < 0) {
      n =
          number(
              new Claim(
                  IndicatorType.DOMAIN, ThreatInfo.NONE, scope, Directive.DEFAULT, List.of()));
      plain[scope.ordinal()] = n;
    }
    return n;
  }

  Claim[] toArray() {
    return list.toArray(new Claim[0]);
  }

  private int number(Claim c) {
    Integer known = numbers.putIfAbsent(c, list.size());
    if (known != null) {
      return known;
    }
    list.add(c);
    return list.size() - 1;
  }
}

package io.sinkhole.ioc;

import java.net.InetAddress;
import java.net.URI;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Builds an {@link IocSet} from parsed feeds; one builder per reload, not thread-safe. */
public final class IocSetBuilder {
  private final DomainIndex domains = new DomainIndex(1024);
  private final Map<Provenance, Integer> provenanceIds = new HashMap<>();
  private final List<Provenance> provenances = new ArrayList<>();
  private final List<int[]> groups = new ArrayList<>();
  private final AddressSet.Builder addresses = new AddressSet.Builder();
  private final Map<String, Map<IndicatorType, Integer>> counts = new LinkedHashMap<>();
  private int[] entryClaims = new int[1024];
  private final byte[] wire = new byte[256];

  /** How one feed's entries are turned into claims. */
  public record FeedOptions(int feed, String name, boolean subdomains, boolean urlHosts) {}

  /** Adds every indicator of one feed. */
  public IocSetBuilder addFeed(FeedOptions options, List<Indicator> indicators) {
    Map<IndicatorType, Integer> feedCounts = new EnumMap<>(IndicatorType.class);
    counts.put(options.name(), feedCounts);
    for (Indicator ind : indicators) {
      if (add(options, ind)) {
        feedCounts.merge(ind.type(), 1, Integer::sum);
      }
    }
    return this;
  }

  public IocSet build() {
    int[][] g = groups.toArray(new int[0][]);
    return new IocSet(
        domains.compact(),
        ClaimRefs.of(entryClaims, domains.size(), g.length, provenances.size()),
        provenances.toArray(new Provenance[0]),
        g,
        addresses.build(),
        Map.copyOf(counts));
  }

  private boolean add(FeedOptions options, Indicator ind) {
    return switch (ind.type()) {
      case DOMAIN -> addName(ind.value(), claim(options, ind));
      case URL -> options.urlHosts() && addName(urlHost(ind.value()), claim(options, ind));
      case IP -> addAddress(ind.value(), claim(options, ind));
      case IP_PORT -> addAddress(stripPort(ind.value()), claim(options, ind));
      case CIDR -> addCidr(ind.value(), claim(options, ind));
      case HASH -> false;
    };
  }

  private Provenance claim(FeedOptions options, Indicator ind) {
    MatchScope scope = ind.scope();
    if (scope == MatchScope.FEED_DEFAULT) {
      scope = options.subdomains() ? MatchScope.NAME_AND_SUBDOMAINS : MatchScope.EXACT;
    }
    Provenance p =
        new Provenance(
            options.feed(), options.name(), ind.threat(), scope, ind.directive(), ind.localData());
    Integer known = provenanceIds.putIfAbsent(p, provenances.size());
    if (known != null) {
      return provenances.get(known);
    }
    provenances.add(p);
    return p;
  }

  private boolean addName(String name, Provenance claim) {
    int length = WireNames.toWire(name, wire);
    if (length < 0) {
      return false;
    }
    int before = domains.size();
    int entry = domains.add(wire, length);
    if (entry >= entryClaims.length) {
      entryClaims = Arrays.copyOf(entryClaims, entryClaims.length * 2);
    }
    int id = provenanceIds.get(claim);
    if (entry == before) {
      entryClaims[entry] = id;
    } else {
      attach(entry, id);
    }
    return true;
  }

  private void attach(int entry, int id) {
    int ref = entryClaims[entry];
    if (ref >= 0) {
      if (ref != id) {
        groups.add(new int[] {ref, id});
        entryClaims[entry] = -groups.size();
      }
      return;
    }
    int[] group = groups.get(-ref - 1);
    for (int existing : group) {
      if (existing == id) {
        return;
      }
    }
    int[] grown = Arrays.copyOf(group, group.length + 1);
    grown[group.length] = id;
    groups.set(-ref - 1, grown);
  }

  private boolean addAddress(String text, Provenance claim) {
    InetAddress a = Addresses.parseLiteral(text);
    if (a == null) {
      return false;
    }
    addresses.add(a, claim);
    return true;
  }

  private boolean addCidr(String text, Provenance claim) {
    Cidr block;
    try {
      block = Cidr.parse(text);
    } catch (IllegalArgumentException e) {
      return false;
    }
    addresses.add(block, claim);
    return true;
  }

  static String stripPort(String ipPort) {
    if (ipPort.startsWith("[")) {
      int close = ipPort.indexOf(']');
      return close < 0 ? ipPort : ipPort.substring(1, close);
    }
    int colon = ipPort.lastIndexOf(':');
    return colon > 0 && ipPort.indexOf(':') == colon ? ipPort.substring(0, colon) : ipPort;
  }

  static String urlHost(String url) {
    try {
      String host = URI.create(url.trim()).getHost();
      return host == null ? "" : host.toLowerCase(Locale.ROOT);
    } catch (IllegalArgumentException e) {
      return "";
    }
  }
}

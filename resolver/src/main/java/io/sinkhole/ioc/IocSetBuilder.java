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
  private final DomainIndex domains;
  private final Map<Provenance, Integer> provenanceIds = new HashMap<>();
  private final List<Provenance> provenances = new ArrayList<>();
  private final List<int[]> groups = new ArrayList<>();
  private final AddressSet.Builder addresses = new AddressSet.Builder();
  private final Map<String, Map<IndicatorType, Integer>> counts = new LinkedHashMap<>();
  private int[] entryClaims;
  private final byte[] wire = new byte[256];

  /** How one feed's entries are turned into claims. */
  public record FeedOptions(int feed, String name, boolean subdomains, boolean urlHosts) {}

  public IocSetBuilder() {
    this(1024);
  }

  /**
   * A builder sized for {@code expectedNames} domain entries (the sum of {@link
   * FeedEntries#names()}), so that a million-name load does not rehash its index on the way up.
   */
  public IocSetBuilder(int expectedNames) {
    domains = new DomainIndex(expectedNames);
    entryClaims = new int[Math.max(1024, expectedNames)];
  }

  /** Adds every indicator of one feed. */
  public IocSetBuilder addFeed(FeedOptions options, List<Indicator> indicators) {
    return addFeed(options, FeedEntries.of(indicators));
  }

  /** Adds every entry of one feed, in file order. */
  public IocSetBuilder addFeed(FeedOptions options, FeedEntries entries) {
    int[] ids = new int[entries.claimCount()];
    Arrays.fill(ids, -1);
    int[] added = new int[IndicatorType.values().length];
    FeedEntries.Cursor c = entries.cursor();
    while (c.next()) {
      FeedEntries.Claim claim = entries.claim(c.claim);
      if (add(options, claim, ids, c)) {
        added[claim.type().ordinal()]++;
      }
    }
    Map<IndicatorType, Integer> feedCounts = new EnumMap<>(IndicatorType.class);
    for (IndicatorType t : IndicatorType.values()) {
      if (added[t.ordinal()] > 0) {
        feedCounts.put(t, added[t.ordinal()]);
      }
    }
    counts.put(options.name(), feedCounts);
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

  private boolean add(
      FeedOptions options, FeedEntries.Claim claim, int[] ids, FeedEntries.Cursor c) {
    return switch (claim.type()) {
      case DOMAIN -> addWire(c.value(), c.start, c.valueLength, id(options, claim, ids, c.claim));
      case URL ->
          options.urlHosts() && addName(urlHost(c.text()), id(options, claim, ids, c.claim));
      case IP -> addAddress(c.text(), provenance(options, claim, ids, c.claim));
      case IP_PORT -> addAddress(stripPort(c.text()), provenance(options, claim, ids, c.claim));
      case CIDR -> addCidr(c.text(), provenance(options, claim, ids, c.claim));
      case HASH -> false;
    };
  }

  private Provenance provenance(
      FeedOptions options, FeedEntries.Claim claim, int[] ids, int index) {
    return provenances.get(id(options, claim, ids, index));
  }

  /** The provenance number of a feed's claim, registered on the claim's first use. */
  private int id(FeedOptions options, FeedEntries.Claim claim, int[] ids, int index) {
    if (ids[index] < 0) {
      ids[index] = register(options, claim);
    }
    return ids[index];
  }

  private int register(FeedOptions options, FeedEntries.Claim claim) {
    MatchScope scope = claim.scope();
    if (scope == MatchScope.FEED_DEFAULT) {
      scope = options.subdomains() ? MatchScope.NAME_AND_SUBDOMAINS : MatchScope.EXACT;
    }
    Provenance p =
        new Provenance(
            options.feed(),
            options.name(),
            claim.threat(),
            scope,
            claim.directive(),
            claim.localData());
    Integer known = provenanceIds.putIfAbsent(p, provenances.size());
    if (known != null) {
      return known;
    }
    provenances.add(p);
    return provenances.size() - 1;
  }

  private boolean addName(String name, int id) {
    int length = WireNames.toWire(name, wire);
    return length >= 0 && addWire(wire, 0, length, id);
  }

  private boolean addWire(byte[] value, int start, int length, int id) {
    if (value != wire) {
      System.arraycopy(value, start, wire, 0, length);
    }
    int before = domains.size();
    int entry = domains.add(wire, length);
    if (entry >= entryClaims.length) {
      entryClaims = Arrays.copyOf(entryClaims, entryClaims.length * 2);
    }
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

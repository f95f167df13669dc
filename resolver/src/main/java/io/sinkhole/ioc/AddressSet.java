package io.sinkhole.ioc;

import java.net.InetAddress;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Address indicators (single addresses and CIDR ranges), matched against the addresses in upstream
 * answers. Address feeds are small next to name feeds, so plain collections suffice.
 */
public final class AddressSet {
  private final Map<InetAddress, List<Provenance>> exact;
  private final List<Range> ranges;

  AddressSet(Map<InetAddress, List<Provenance>> exact, List<Range> ranges) {
    this.exact = Map.copyOf(exact);
    this.ranges = List.copyOf(ranges);
  }

  public int size() {
    return exact.size() + ranges.size();
  }

  /** Every claim covering {@code address}; empty when none. */
  public List<Provenance> match(InetAddress address) {
    List<Provenance> out = new ArrayList<>(exact.getOrDefault(address, List.of()));
    byte[] bytes = Cidr.unmapped(address.getAddress());
    for (Range r : ranges) {
      if (r.block().contains(bytes)) {
        out.add(r.claim());
      }
    }
    return out;
  }

  record Range(Cidr block, Provenance claim) {}

  static final class Builder {
    private final Map<InetAddress, List<Provenance>> exact = new HashMap<>();
    private final List<Range> ranges = new ArrayList<>();

    void add(InetAddress address, Provenance claim) {
      exact.computeIfAbsent(address, a -> new ArrayList<>(1)).add(claim);
    }

    void add(Cidr block, Provenance claim) {
      ranges.add(new Range(block, claim));
    }

    AddressSet build() {
      return new AddressSet(exact, ranges);
    }
  }
}

package io.sinkhole.feed;

import io.sinkhole.ioc.Directive;
import io.sinkhole.ioc.ThreatInfo;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Gives RPZ records their policy meaning (draft-vixie-dnsop-dns-rpz section 3 for actions, section
 * 4 for triggers).
 *
 * <p>Owners are read relative to {@code $ORIGIN}; without one, relative owners are taken as the
 * trigger name and absolute ones lose only their final dot. {@code *.name} covers the names below
 * {@code name} only; {@code name} covers itself only. {@code CNAME .} is NXDOMAIN, {@code CNAME *.}
 * NODATA, {@code CNAME rpz-passthru.} ALLOW. {@code CNAME rpz-drop.} asks for no answer at all,
 * which the resolver has no directive for: it becomes NXDOMAIN, the closest refusal, tagged {@code
 * rpz-drop} so the difference stays visible. Any other record is local data; the records of one
 * trigger gather into one indicator, in {@code TYPE rdata} form with CNAME targets absolute.
 */
final class RpzZone {
  static final ThreatInfo DROP =
      new ThreatInfo(
          null, null, ThreatInfo.UNKNOWN_CONFIDENCE, null, null, null, null, List.of("rpz-drop"));

  private final ResultBuilder out;
  private final Map<String, RpzTrigger> triggers = new LinkedHashMap<>();
  private String origin;
  private String owner;

  RpzZone(ResultBuilder out) {
    this.out = out;
  }

  void directive(String name, List<String> tokens, int line, String text) {
    if (name.equals("$ORIGIN") && tokens.size() == 2) {
      origin = originName(tokens.get(1));
      if (origin == null) {
        out.problem(line, "invalid name", text);
      }
    } else if (!name.equals("$TTL")) {
      out.skip("unsupported directive");
    }
  }

  void malformed(int line, String text) {
    out.problem(line, "malformed line", text);
  }

  void record(String ownerToken, String type, String rdata, int line, String text) {
    if (ownerToken != null) {
      owner = ownerToken;
    }
    if (type.equals("SOA") || type.equals("NS")) {
      out.skip("zone record");
    } else if (owner == null || !isType(type) || rdata.isEmpty()) {
      malformed(line, text);
    } else {
      trigger(relativeOwner(owner), type, rdata, line, text);
    }
  }

  private static boolean isType(String type) {
    return type.charAt(0) >= 'A' && type.charAt(0) <= 'Z';
  }

  private void trigger(String relative, String type, String rdata, int line, String text) {
    if (relative == null) {
      out.problem(line, "outside zone", text);
      return;
    }
    if (relative.isEmpty()) {
      out.skip("zone record");
      return;
    }
    RpzTrigger trigger = RpzTrigger.of(relative, line);
    if (trigger == null || trigger.skipReason() != null) {
      reportUnusable(trigger, line, text);
      return;
    }
    action(trigger, type, rdata);
    RpzTrigger earlier = triggers.putIfAbsent(trigger.key(), trigger);
    if (earlier != null && !earlier.merge(trigger)) {
      out.problem(line, "conflicting records", text);
    }
  }

  private void reportUnusable(RpzTrigger trigger, int line, String text) {
    if (trigger == null) {
      out.problem(line, "invalid name", text);
    } else {
      out.skip(trigger.skipReason());
    }
  }

  private void action(RpzTrigger trigger, String type, String rdata) {
    String target = rdata.toLowerCase(Locale.ROOT);
    if (!type.equals("CNAME")) {
      trigger.localData(type + " " + rdata);
    } else if (target.equals(".")) {
      trigger.act(Directive.NXDOMAIN, ThreatInfo.NONE);
    } else if (target.equals("*.")) {
      trigger.act(Directive.NODATA, ThreatInfo.NONE);
    } else if (target.equals("rpz-passthru.") || target.equals("rpz-passthru")) {
      trigger.act(Directive.ALLOW, ThreatInfo.NONE);
    } else if (target.equals("rpz-drop.") || target.equals("rpz-drop")) {
      trigger.act(Directive.NXDOMAIN, DROP);
    } else {
      trigger.localData("CNAME " + absolute(rdata));
    }
  }

  /** The owner relative to the origin; "" for the apex, null when outside the zone. */
  private String relativeOwner(String name) {
    if (name.equals("@")) {
      return "";
    }
    if (!name.endsWith(".")) {
      return name;
    }
    String absolute = name.substring(0, name.length() - 1).toLowerCase(Locale.ROOT);
    if (origin == null || origin.isEmpty()) {
      return absolute;
    }
    if (absolute.equals(origin)) {
      return "";
    }
    boolean inside = absolute.endsWith("." + origin);
    return inside ? absolute.substring(0, absolute.length() - origin.length() - 1) : null;
  }

  private String absolute(String target) {
    if (target.endsWith(".")) {
      return target;
    }
    return origin == null || origin.isEmpty() ? target + "." : target + "." + origin + ".";
  }

  private static String originName(String token) {
    return token.equals(".") ? "" : DomainNames.normalize(token);
  }

  ParseNotes finish() {
    for (RpzTrigger trigger : triggers.values()) {
      out.add(trigger.toIndicator());
    }
    return out.build();
  }
}

package io.sinkhole.testing;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.Record;
import org.xbill.DNS.SimpleResolver;
import org.xbill.DNS.TextParseException;
import org.xbill.DNS.Type;

/** An in-process DNS client (dnsjava) for tests; talks only to the address it is given. */
public final class DnsProbe {
  private final SimpleResolver resolver;

  public DnsProbe(InetSocketAddress server) {
    resolver = new SimpleResolver(server);
    resolver.setTimeout(Duration.ofSeconds(3));
  }

  /** Sends from {@code source} (any 127.0.0.0/8 address works on Linux loopback). */
  public DnsProbe from(String source) {
    resolver.setLocalAddress(new InetSocketAddress(source, 0));
    return this;
  }

  public DnsProbe tcp() {
    resolver.setTCP(true);
    return this;
  }

  public DnsProbe edns(int payload, boolean dnssecOk) {
    resolver.setEDNS(
        0, payload, dnssecOk ? org.xbill.DNS.ExtendedFlags.DO : 0, java.util.List.of());
    return this;
  }

  /** Sends one query with RD set and returns the answer. */
  public Message query(String name, int type) throws IOException {
    Record q = Record.newRecord(Name.fromString(absolute(name)), type, DClass.IN);
    return resolver.send(Message.newQuery(q));
  }

  static boolean answers(InetSocketAddress server, String name) {
    try {
      DnsProbe p = new DnsProbe(server);
      p.resolver.setTimeout(Duration.ofMillis(300));
      p.query(name, Type.A);
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  private static String absolute(String name) throws TextParseException {
    return name.endsWith(".") ? name : name + ".";
  }
}

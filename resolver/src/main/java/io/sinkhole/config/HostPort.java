package io.sinkhole.config;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.net.InetSocketAddress;

/**
 * An address and port written as {@code host:port} or {@code [v6]:port}. Hosts must be address
 * literals: resolving a name here would make startup depend on the DNS we are replacing.
 */
public record HostPort(String host, int port) {

  public HostPort {
    if (port < 0 || port > 65535) {
      throw new IllegalArgumentException("port must be 0-65535, was " + port);
    }
    if (io.sinkhole.ioc.Addresses.parseLiteral(host) == null) {
      throw new IllegalArgumentException("'" + host + "' is not an IP address literal");
    }
  }

  @JsonCreator
  public static HostPort parse(String text) {
    return parse(text, -1);
  }

  /** Parses {@code text}; when it has no port, {@code defaultPort} is used (if not -1). */
  public static HostPort parse(String text, int defaultPort) {
    String s = text.trim();
    String host = s;
    String port = null;
    if (s.startsWith("[")) {
      int close = s.indexOf(']');
      if (close < 0) {
        throw new IllegalArgumentException("missing ']' in '" + text + "'");
      }
      host = s.substring(1, close);
      port = close + 1 < s.length() && s.charAt(close + 1) == ':' ? s.substring(close + 2) : null;
    } else if (s.indexOf(':') == s.lastIndexOf(':') && s.indexOf(':') >= 0) {
      host = s.substring(0, s.indexOf(':'));
      port = s.substring(s.indexOf(':') + 1);
    }
    if (port == null && defaultPort < 0) {
      throw new IllegalArgumentException("'" + text + "' needs a port, as in 127.0.0.1:5353");
    }
    return new HostPort(host, port == null ? defaultPort : parsePort(port, text));
  }

  private static int parsePort(String port, String text) {
    try {
      return Integer.parseInt(port);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("bad port in '" + text + "'");
    }
  }

  public InetSocketAddress socketAddress() {
    return new InetSocketAddress(io.sinkhole.ioc.Addresses.parseLiteral(host), port);
  }

  @JsonValue
  @Override
  public String toString() {
    return host.indexOf(':') >= 0 ? "[" + host + "]:" + port : host + ":" + port;
  }
}

package io.sinkhole.upstream;

import io.sinkhole.config.HostPort;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The {@code nameserver} lines of a resolv.conf file: the default upstreams. */
public final class ResolvConf {
  public static final Path SYSTEM = Path.of("/etc/resolv.conf");

  private ResolvConf() {}

  /** Nameservers in file order, port 53; empty when the file is missing or lists none. */
  public static List<HostPort> nameservers(Path file) {
    List<HostPort> out = new ArrayList<>();
    List<String> lines;
    try {
      lines = Files.readAllLines(file);
    } catch (IOException e) {
      return out;
    }
    for (String line : lines) {
      String[] words = line.trim().split("\\s+");
      if (words.length >= 2 && words[0].equals("nameserver")) {
        String host = words[1];
        int zone = host.indexOf('%');
        host = zone > 0 ? host.substring(0, zone) : host;
        try {
          out.add(new HostPort(host, 53));
        } catch (IllegalArgumentException e) {
          // Not an address literal; resolv.conf allows nothing else, so skip it.
        }
      }
    }
    return out;
  }
}

package io.sinkhole.config;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * The whole validated configuration. Keys are the snake_case forms of the component names; the
 * bundled {@code config/sinkhole.yaml} documents each one.
 *
 * @param listen UDP and TCP addresses to answer on
 * @param threads event loops; with epoll each binds its own UDP socket (SO_REUSEPORT)
 * @param upstreams resolvers to forward to; empty means the nameservers of /etc/resolv.conf
 * @param health how readiness (/readyz) checks the upstreams
 * @param shutdown how SIGTERM stops the resolver
 * @param source the configuration file these values were read from
 */
public record SinkholeConfig(
    List<HostPort> listen,
    Integer threads,
    List<HostPort> upstreams,
    Forwarding forwarding,
    Metrics metrics,
    Block block,
    Events events,
    List<Feed> feeds,
    Health health,
    Shutdown shutdown,
    Path source) {

  public SinkholeConfig {
    listen =
        listen == null || listen.isEmpty() ? List.of(HostPort.parse("127.0.0.1:5353")) : listen;
    threads = Objects.requireNonNullElse(threads, Runtime.getRuntime().availableProcessors());
    if (threads < 1 || threads > 256) {
      throw new IllegalArgumentException("threads must be 1-256, was " + threads);
    }
    upstreams = upstreams == null ? List.of() : List.copyOf(upstreams);
    forwarding = Objects.requireNonNullElse(forwarding, new Forwarding(null));
    metrics = Objects.requireNonNullElse(metrics, new Metrics(null));
    block = Objects.requireNonNullElse(block, new Block(null, null, null, null, null));
    events = Objects.requireNonNullElse(events, new Events(null, null));
    feeds = feeds == null ? List.of() : List.copyOf(feeds);
    health = Objects.requireNonNullElse(health, new Health(null));
    shutdown = Objects.requireNonNullElse(shutdown, new Shutdown(null));
    source = Objects.requireNonNullElse(source, Path.of("sinkhole.yaml"));
  }

  /** Returns a copy that remembers the file it was read from. */
  SinkholeConfig withSource(Path file) {
    return new SinkholeConfig(
        listen,
        threads,
        upstreams,
        forwarding,
        metrics,
        block,
        events,
        feeds,
        health,
        shutdown,
        file);
  }

  /** The directory relative feed paths start from: the configuration file's own. */
  public Path baseDir() {
    Path dir = source.toAbsolutePath().getParent();
    return dir == null ? Path.of(".") : dir;
  }

  /** The line of a field in the source file, for error messages; 0 when unknown. */
  public int lineOf(String pointer) {
    return ConfigLoader.lineOf(source, pointer);
  }

  /**
   * @param timeoutMs how long one upstream gets before the next is tried
   */
  public record Forwarding(Integer timeoutMs) {
    public Forwarding {
      timeoutMs = Objects.requireNonNullElse(timeoutMs, 2000);
      if (timeoutMs < 10 || timeoutMs > 60_000) {
        throw new IllegalArgumentException("timeout_ms must be 10-60000, was " + timeoutMs);
      }
    }
  }

  /**
   * @param listen HTTP address of /metrics; loopback by default
   */
  public record Metrics(HostPort listen) {
    public Metrics {
      listen = Objects.requireNonNullElse(listen, HostPort.parse("127.0.0.1:9153"));
    }
  }

  /**
   * @param probeIntervalMs how often each upstream gets a probe query ({@code . NS}), so that
   *     /readyz sees a dead upstream without waiting for client traffic; 0 turns probing off
   */
  public record Health(Integer probeIntervalMs) {
    public Health {
      probeIntervalMs = Objects.requireNonNullElse(probeIntervalMs, 5000);
      if (probeIntervalMs != 0 && (probeIntervalMs < 50 || probeIntervalMs > 3_600_000)) {
        throw new IllegalArgumentException(
            "probe_interval_ms must be 0 (off) or 50-3600000, was " + probeIntervalMs);
      }
    }
  }

  /**
   * @param graceMs how long SIGTERM waits for queries in flight to be answered before stopping
   */
  public record Shutdown(Integer graceMs) {
    public Shutdown {
      graceMs = Objects.requireNonNullElse(graceMs, 5000);
      if (graceMs < 0 || graceMs > 600_000) {
        throw new IllegalArgumentException("grace_ms must be 0-600000, was " + graceMs);
      }
    }
  }

  /**
   * How matches are answered.
   *
   * @param mode {@code block} answers locally; {@code monitor} forwards and records
   * @param answer nxdomain, nodata, refused or address
   * @param addresses sinkhole addresses for {@code answer: address}
   * @param ttl TTL of made-up records and negative-caching time (RFC 2308)
   * @param ede Extended DNS Error on blocked answers: blocked, filtered or none (RFC 8914)
   */
  public record Block(
      Mode mode, BlockAnswer answer, List<String> addresses, Integer ttl, EdeCode ede) {
    public Block {
      mode = Objects.requireNonNullElse(mode, Mode.BLOCK);
      answer = Objects.requireNonNullElse(answer, BlockAnswer.NXDOMAIN);
      addresses = addresses == null ? List.of("0.0.0.0", "::") : List.copyOf(addresses);
      for (String a : addresses) {
        if (io.sinkhole.ioc.Addresses.parseLiteral(a) == null) {
          throw new IllegalArgumentException("'" + a + "' is not an IP address literal");
        }
      }
      ttl = Objects.requireNonNullElse(ttl, 60);
      if (ttl < 0 || ttl > 86400) {
        throw new IllegalArgumentException("ttl must be 0-86400, was " + ttl);
      }
      ede = Objects.requireNonNullElse(ede, EdeCode.BLOCKED);
    }
  }

  /**
   * @param file JSON-lines file that receives one DnsEvents row per query
   * @param computer value of the Computer column; the host name by default
   */
  public record Events(Path file, String computer) {
    public Events {
      file = Objects.requireNonNullElse(file, Path.of("logs", "dns-events.jsonl"));
    }
  }

  /**
   * One indicator feed.
   *
   * @param name unique, short; appears in events and metric labels
   * @param path file, relative to the configuration file's directory
   * @param format a format name, or auto to detect it from the content
   * @param action block, monitor or off
   * @param subdomains whether a listed name also covers every name below it
   * @param urlHosts whether URL indicators block their host name
   */
  public record Feed(
      String name, Path path, String format, Action action, Boolean subdomains, Boolean urlHosts) {
    public Feed {
      if (name == null || name.isBlank()) {
        throw new IllegalArgumentException("every feed needs a name");
      }
      if (path == null) {
        throw new IllegalArgumentException("feed '" + name + "' needs a path");
      }
      format = Objects.requireNonNullElse(format, "auto");
      action = Objects.requireNonNullElse(action, Action.BLOCK);
      subdomains = Objects.requireNonNullElse(subdomains, true);
      urlHosts = Objects.requireNonNullElse(urlHosts, false);
    }
  }

  /** What a match does. */
  public enum Mode {
    BLOCK,
    MONITOR
  }

  /** What a feed's matches do. */
  public enum Action {
    BLOCK,
    MONITOR,
    OFF
  }

  /** The answer a blocked name gets. */
  public enum BlockAnswer {
    NXDOMAIN,
    NODATA,
    REFUSED,
    ADDRESS
  }

  /** Which RFC 8914 INFO-CODE marks blocked answers. */
  public enum EdeCode {
    BLOCKED,
    FILTERED,
    NONE
  }
}

package io.sinkhole.config;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
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
 * @param source the configuration file these values were read from (not a YAML key)
 * @param allowlist names never blocked
 * @param clients rules by client address, first match wins
 * @param groups policy groups referenced by client rules
 * @param tcp TCP connection limits (RFC 7766)
 * @param edns EDNS0 payload clamp (RFC 6891)
 * @param access which clients are answered
 * @param rateLimit per-prefix response rate limiting over UDP
 * @param stateDir where downloaded feeds keep their last good copy; relative to the working
 *     directory
 * @param cache the response cache (issue #4, #5)
 * @param localZones names answered here without forwarding (RFC 6303)
 */
public record SinkholeConfig(
    List<HostPort> listen,
    Integer threads,
    List<HostPort> upstreams,
    Forwarding forwarding,
    Metrics metrics,
    Block block,
    Events events,
    List<FeedConfig> feeds,
    Health health,
    Shutdown shutdown,
    Path source,
    PolicyConfig.Allowlist allowlist,
    List<PolicyConfig.ClientRule> clients,
    Map<String, Map<String, PolicyConfig.FeedOverride>> groups,
    Tcp tcp,
    Edns edns,
    Access access,
    RateLimit rateLimit,
    Path stateDir,
    CacheConfig cache,
    LocalZonesConfig localZones) {

  public SinkholeConfig {
    listen = listen == null ? List.of(HostPort.parse("127.0.0.1:5354")) : List.copyOf(listen);
    if (listen.isEmpty()) {
      throw new IllegalArgumentException("listen needs at least one address");
    }
    threads = Objects.requireNonNullElse(threads, Runtime.getRuntime().availableProcessors());
    if (threads < 1 || threads > 256) {
      throw new IllegalArgumentException("threads must be 1-256, was " + threads);
    }
    upstreams = upstreams == null ? List.of() : List.copyOf(upstreams);
    forwarding =
        Objects.requireNonNullElse(forwarding, new Forwarding(null, null, null, null, null));
    metrics = Objects.requireNonNullElse(metrics, new Metrics(null));
    block = Objects.requireNonNullElse(block, new Block(null, null, null, null, null));
    events = Objects.requireNonNullElse(events, new Events(null, null, null, null));
    feeds = feeds == null ? List.of() : List.copyOf(feeds);
    health = Objects.requireNonNullElse(health, new Health(null));
    shutdown = Objects.requireNonNullElse(shutdown, new Shutdown(null));
    source = Objects.requireNonNullElse(source, Path.of("sinkhole.yaml"));
    allowlist = Objects.requireNonNullElse(allowlist, PolicyConfig.Allowlist.EMPTY);
    clients = clients == null ? List.of() : List.copyOf(clients);
    groups = groups == null ? Map.of() : Map.copyOf(groups);
    stateDir = Objects.requireNonNullElse(stateDir, Path.of("var", "feeds"));
    for (PolicyConfig.ClientRule rule : clients) {
      if (rule.group() != null && !groups.containsKey(rule.group())) {
        throw new IllegalArgumentException(
            "client rule names unknown group '" + rule.group() + "'");
      }
    }
    tcp = Objects.requireNonNullElse(tcp, Tcp.defaults());
    edns = Objects.requireNonNullElse(edns, Edns.defaults());
    access = Objects.requireNonNullElse(access, Access.defaults());
    rateLimit = Objects.requireNonNullElse(rateLimit, RateLimit.defaults());
    cache = Objects.requireNonNullElse(cache, new CacheConfig(null, null, null, null));
    localZones = Objects.requireNonNullElse(localZones, new LocalZonesConfig(null, null));
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
        file,
        allowlist,
        clients,
        groups,
        tcp,
        edns,
        access,
        rateLimit,
        stateDir,
        cache,
        localZones);
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
   * @param deadlineMs how long a query may wait for upstreams in all before it gets SERVFAIL; below
   *     the 5 s stub resolvers wait, so a client hears SERVFAIL rather than silence
   * @param maxInFlight forwarded queries waiting per event loop; more fail fast with SERVFAIL
   * @param sockets UDP sockets per event loop, each on its own random port (RFC 5452 section 9.2)
   * @param probeIntervalMs how often an unhealthy upstream is given one real query to recover
   */
  public record Forwarding(
      Integer timeoutMs,
      Integer deadlineMs,
      Integer maxInFlight,
      Integer sockets,
      Integer probeIntervalMs) {
    public Forwarding {
      timeoutMs = Objects.requireNonNullElse(timeoutMs, 2000);
      if (timeoutMs < 10 || timeoutMs > 60_000) {
        throw new IllegalArgumentException("timeout_ms must be 10-60000, was " + timeoutMs);
      }
      deadlineMs = Objects.requireNonNullElse(deadlineMs, Math.max(timeoutMs, 4500));
      if (deadlineMs < timeoutMs || deadlineMs > 120_000) {
        throw new IllegalArgumentException(
            "deadline_ms must be timeout_ms-120000, was " + deadlineMs);
      }
      maxInFlight = Objects.requireNonNullElse(maxInFlight, 4096);
      if (maxInFlight < 1 || maxInFlight > 60_000) {
        throw new IllegalArgumentException("max_in_flight must be 1-60000, was " + maxInFlight);
      }
      sockets = Objects.requireNonNullElse(sockets, 4);
      if (sockets < 1 || sockets > 64) {
        throw new IllegalArgumentException("sockets must be 1-64, was " + sockets);
      }
      probeIntervalMs = Objects.requireNonNullElse(probeIntervalMs, 5000);
      if (probeIntervalMs < 10 || probeIntervalMs > 3_600_000) {
        throw new IllegalArgumentException(
            "probe_interval_ms must be 10-3600000, was " + probeIntervalMs);
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
   * @param file JSON-lines file that receives one DnsEvents row per query; also the default path of
   *     file sinks
   * @param computer value of the Computer and Dvc columns; the host name by default
   * @param sinks where events go; one file sink at {@code file} when absent
   * @param privacy how client addresses are written
   */
  public record Events(Path file, String computer, List<SinkConfig> sinks, PrivacyConfig privacy) {
    public Events {
      file = Objects.requireNonNullElse(file, Path.of("logs", "dns-events.jsonl"));
      sinks = sinks == null || sinks.isEmpty() ? List.of(defaultSink()) : List.copyOf(sinks);
      privacy = Objects.requireNonNullElse(privacy, PrivacyConfig.NONE);
      java.util.Set<String> names = new java.util.HashSet<>();
      for (SinkConfig s : sinks) {
        if (!names.add(s.name())) {
          throw new IllegalArgumentException("two sinks are named '" + s.name() + "'");
        }
      }
    }

    private static SinkConfig defaultSink() {
      return new SinkConfig(
          "file", null, null, null, null, null, null, null, null, null, null, null, null, null,
          null, null, null, null, null);
    }
  }

  static int percent(String field, Integer value, int dflt) {
    int v = Objects.requireNonNullElse(value, dflt);
    if (v < 0 || v > 100) {
      throw new IllegalArgumentException(field + " must be 0-100, was " + v);
    }
    return v;
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

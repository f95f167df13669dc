package io.sinkhole;

import io.sinkhole.config.ConfigException;
import io.sinkhole.config.ConfigSummary;
import io.sinkhole.config.HostPort;
import io.sinkhole.config.SinkholeConfig;
import io.sinkhole.event.EventPipeline;
import io.sinkhole.event.EventSinks;
import io.sinkhole.ioc.IocSet;
import io.sinkhole.metrics.MetricsServer;
import io.sinkhole.metrics.Readiness;
import io.sinkhole.metrics.SinkholeMetrics;
import io.sinkhole.policy.Policy;
import io.sinkhole.query.QueryProcessor;
import io.sinkhole.source.FeedReloader;
import io.sinkhole.source.HangupSignal;
import io.sinkhole.transport.DnsServer;
import io.sinkhole.transport.Transports;
import io.sinkhole.upstream.ResolvConf;
import io.sinkhole.upstream.Upstream;
import io.sinkhole.upstream.UpstreamProbe;
import io.sinkhole.upstream.Upstreams;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** A running resolver: assembles the parts from a configuration and owns their lifecycle. */
public final class Sinkhole implements AutoCloseable {
  /** The release, as {@code --version} and {@code sinkhole_build_info} report it. */
  public static final String VERSION = "0.1.0";

  private static final Logger LOG = LoggerFactory.getLogger(Sinkhole.class);

  private final SinkholeMetrics metrics = new SinkholeMetrics();
  private final Readiness readiness = new Readiness();
  private final CountDownLatch closed = new CountDownLatch(1);
  private final AtomicBoolean closing = new AtomicBoolean();
  private final AtomicReference<IocSet> iocs = new AtomicReference<>(IocSet.EMPTY);
  private final AtomicReference<Policy> policy = new AtomicReference<>();
  private final List<InetSocketAddress> dnsAddresses = new ArrayList<>();
  private EventPipeline events;
  private DnsServer server;
  private MetricsServer http;
  private Upstreams upstreams;
  private UpstreamProbe probe;
  private FeedReloader feeds;
  private volatile PolicyReload policyReload;
  private SinkholeConfig startedWith;
  private final Runnable onHangup = this::reloadInBackground;
  private long graceMillis;
  private volatile boolean feedsLoaded;
  private volatile boolean listening;

  /** Starts everything; on failure, whatever started is stopped again. */
  public static Sinkhole start(SinkholeConfig config) throws ConfigException, IOException {
    Sinkhole s = new Sinkhole();
    try {
      s.startParts(config);
      return s;
    } catch (ConfigException | IOException | RuntimeException e) {
      s.close();
      throw e;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      s.close();
      throw new IOException("interrupted while starting", e);
    }
  }

  private void startParts(SinkholeConfig config)
      throws ConfigException, IOException, InterruptedException {
    LOG.info("sinkhole {}, effective configuration: {}", VERSION, ConfigSummary.json(config));
    graceMillis = config.shutdown().graceMs();
    startedWith = config;
    metrics.buildInfo(VERSION);
    upstreams = upstreamsOf(config);
    feeds = new FeedReloader(config, metrics, iocs::set);
    feeds.loadAtStartup();
    feedsLoaded = true;
    policy.set(Policy.load(config));
    events =
        new EventPipeline(
            EventSinks.open(config.events(), computer(config), metrics), metrics, 65536);
    QueryProcessor processor = new QueryProcessor(iocs::get, policy::get, config, events, metrics);
    server = new DnsServer(config, upstreams, processor, events, metrics);
    for (HostPort listen : config.listen()) {
      InetSocketAddress a = bind(listen);
      dnsAddresses.add(a);
      LOG.info(
          "answering DNS on {} (udp+tcp, {}, {} threads)", a, Transports.name(), config.threads());
    }
    listening = true;
    startHealth(config);
  }

  /**
   * Probes, readiness checks and the HTTP endpoint; last, so /readyz never sees a half-built
   * server.
   */
  private void startHealth(SinkholeConfig config) throws IOException {
    int interval = config.health().probeIntervalMs();
    if (interval > 0) {
      probe = UpstreamProbe.start(upstreams, interval, config.forwarding().timeoutMs(), metrics);
    }
    readiness
        .require("feeds", () -> feedsLoaded)
        .require("listeners", () -> listening)
        .require("upstreams", upstreams::anyHealthy);
    http = new MetricsServer(config.metrics().listen().socketAddress(), metrics, readiness);
    http.onPost("reload", this::reload);
    http.start();
    LOG.info("metrics on http://{}/metrics", HostPort.parse(hostPort(http.address())));
    feeds.start();
    if (HangupSignal.listen(onHangup)) {
      LOG.info("feeds reload on SIGHUP and POST /admin/reload");
    }
  }

  private InetSocketAddress bind(HostPort listen) throws IOException, InterruptedException {
    try {
      return server.bind(listen.socketAddress());
    } catch (InterruptedException e) {
      throw e;
    } catch (Exception e) {
      // Netty rethrows the socket's IOException undeclared, and its native errors carry no
      // address: name the address for the operator.
      throw new IOException("cannot listen on " + listen + ": " + e.getMessage(), e);
    }
  }

  private static String hostPort(InetSocketAddress a) {
    String host = a.getAddress().getHostAddress();
    return host.indexOf(':') >= 0 ? "[" + host + "]:" + a.getPort() : host + ":" + a.getPort();
  }

  private Upstreams upstreamsOf(SinkholeConfig config) throws ConfigException {
    List<HostPort> list = config.upstreams();
    String origin = config.source() + " or the command line";
    if (list.isEmpty()) {
      list = ResolvConf.nameservers(ResolvConf.SYSTEM);
      origin = ResolvConf.SYSTEM.toString();
    }
    if (list.isEmpty()) {
      throw new ConfigException(
          config.source()
              + ": field 'upstreams': none configured and "
              + ResolvConf.SYSTEM
              + " has no nameserver lines; set upstreams or pass --upstream HOST:PORT");
    }
    List<Upstream> out = new ArrayList<>();
    for (HostPort hp : list) {
      Upstream u = new Upstream(hp.socketAddress(), hp.toString());
      out.add(u);
      metrics.upstreamConfigured(u.label());
      metrics.gauge(
          "sinkhole.upstream.healthy",
          "1 while the upstream answers, 0 after consecutive failures",
          () -> u.healthy() ? 1 : 0,
          "upstream",
          hp.toString());
    }
    LOG.info("forwarding to {} (from {})", list, origin);
    return new Upstreams(out, config.forwarding().probeIntervalMs());
  }

  private static String computer(SinkholeConfig config) {
    String computer = config.events().computer();
    return computer == null ? hostName() : computer;
  }

  /** The host name without asking DNS: /etc/hostname, then $HOSTNAME. */
  static String hostName() {
    try {
      String name = Files.readString(Path.of("/etc/hostname")).trim();
      if (!name.isEmpty()) {
        return name;
      }
    } catch (IOException e) {
      // fall through
    }
    String env = System.getenv("HOSTNAME");
    return env == null || env.isBlank() ? "sinkhole" : env;
  }

  public List<InetSocketAddress> dnsAddresses() {
    return List.copyOf(dnsAddresses);
  }

  public InetSocketAddress metricsAddress() {
    return http.address();
  }

  public SinkholeMetrics metrics() {
    return metrics;
  }

  /** The indicator snapshot queries use now. */
  public IocSet indicators() {
    return iocs.get();
  }

  /**
   * Reloads every feed now and publishes the new indicator set; returns one line per feed. The
   * configuration file is not read again (see the README, "Sources and reloads").
   */
  public String reload() throws Exception {
    PolicyReload p = policyReload;
    String config = p == null ? "" : p.reload();
    return config + feeds.reloadAll();
  }

  private void reloadInBackground() {
    PolicyReload p = policyReload;
    if (p != null) {
      p.reload();
    }
    feeds.reloadInBackground();
  }

  /**
   * Lets reloads (SIGHUP, POST /admin/reload) re-read the configuration through {@code source} and
   * apply its policy part; without it, reloads re-read the feeds only.
   */
  public void reloadConfigurationFrom(PolicyReload.Source source) {
    policyReload = new PolicyReload(source, policy, startedWith);
  }

  /** The checks behind /readyz; a reload may add its own. */
  public Readiness readiness() {
    return readiness;
  }

  /**
   * Graceful stop, as on SIGTERM: report not ready and take no new queries, give the queries in
   * flight up to {@code shutdown.grace_ms} to be answered, then stop the listeners, write every
   * queued event and close the sinks. Safe to call again; later calls wait for the first.
   */
  @Override
  public void close() {
    if (!closing.compareAndSet(false, true)) {
      awaitClosed();
      return;
    }
    listening = false;
    HangupSignal.remove(onHangup);
    if (feeds != null) {
      feeds.close();
    }
    if (server != null) {
      server.stopAccepting();
      Drain.await(metrics, graceMillis);
      server.close();
    }
    if (probe != null) {
      probe.close();
    }
    if (events != null) {
      events.close();
    }
    if (http != null) {
      http.close();
    }
    closed.countDown();
  }

  private void awaitClosed() {
    try {
      closed.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}

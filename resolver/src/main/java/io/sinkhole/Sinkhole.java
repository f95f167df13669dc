package io.sinkhole;

import io.sinkhole.config.ConfigException;
import io.sinkhole.config.HostPort;
import io.sinkhole.config.SinkholeConfig;
import io.sinkhole.event.EventPipeline;
import io.sinkhole.event.EventSinks;
import io.sinkhole.ioc.IocSet;
import io.sinkhole.metrics.MetricsServer;
import io.sinkhole.metrics.SinkholeMetrics;
import io.sinkhole.policy.Policy;
import io.sinkhole.query.QueryProcessor;
import io.sinkhole.source.FeedReloader;
import io.sinkhole.source.HangupSignal;
import io.sinkhole.transport.DnsServer;
import io.sinkhole.transport.Transports;
import io.sinkhole.upstream.ResolvConf;
import io.sinkhole.upstream.Upstream;
import io.sinkhole.upstream.Upstreams;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** A running resolver: assembles the parts from a configuration and owns their lifecycle. */
public final class Sinkhole implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(Sinkhole.class);

  private final SinkholeMetrics metrics = new SinkholeMetrics();
  private final AtomicReference<IocSet> iocs = new AtomicReference<>(IocSet.EMPTY);
  private final AtomicReference<Policy> policy = new AtomicReference<>();
  private final List<InetSocketAddress> dnsAddresses = new ArrayList<>();
  private EventPipeline events;
  private DnsServer server;
  private MetricsServer http;
  private Upstreams upstreams;
  private FeedReloader feeds;
  private final Runnable onHangup = this::reloadInBackground;
  private volatile boolean ready;

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
    upstreams = upstreamsOf(config);
    feeds = new FeedReloader(config, metrics, iocs::set);
    feeds.loadAtStartup();
    policy.set(Policy.load(config));
    events =
        new EventPipeline(
            EventSinks.open(config.events(), computer(config), metrics), metrics, 65536);
    QueryProcessor processor = new QueryProcessor(iocs::get, policy::get, config, events, metrics);
    server = new DnsServer(config, upstreams, processor, events, metrics);
    for (HostPort listen : config.listen()) {
      InetSocketAddress a = server.bind(listen.socketAddress());
      dnsAddresses.add(a);
      LOG.info(
          "answering DNS on {} (udp+tcp, {}, {} threads)", a, Transports.name(), config.threads());
    }
    http = new MetricsServer(config.metrics().listen().socketAddress(), metrics, () -> ready);
    http.onPost("reload", this::reload);
    http.start();
    LOG.info("metrics on http://{}/metrics", HostPort.parse(hostPort(http.address())));
    feeds.start();
    if (HangupSignal.listen(onHangup)) {
      LOG.info("feeds reload on SIGHUP and POST /admin/reload");
    }
    ready = true;
  }

  private static String hostPort(InetSocketAddress a) {
    String host = a.getAddress().getHostAddress();
    return host.indexOf(':') >= 0 ? "[" + host + "]:" + a.getPort() : host + ":" + a.getPort();
  }

  private Upstreams upstreamsOf(SinkholeConfig config) throws ConfigException {
    List<HostPort> list = config.upstreams();
    String origin = config.source().toString();
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

  /**
   * Reloads every feed now and publishes the new indicator set; returns one line per feed. The
   * configuration file is not read again (see docs/feeds-and-reloads.md).
   */
  public String reload() throws Exception {
    return feeds.reloadAll();
  }

  private void reloadInBackground() {
    feeds.reloadInBackground();
  }

  /** Stops listening, waits for the events already queued to be written, and stops. */
  @Override
  public void close() {
    ready = false;
    HangupSignal.remove(onHangup);
    if (feeds != null) {
      feeds.close();
    }
    if (http != null) {
      http.close();
    }
    if (server != null) {
      server.close();
    }
    if (events != null) {
      events.close();
    }
  }
}

package io.sinkhole.source;

import io.sinkhole.config.ConfigException;
import io.sinkhole.config.FeedConfig;
import io.sinkhole.config.SinkholeConfig;
import io.sinkhole.ioc.IocSet;
import io.sinkhole.ioc.IocSetBuilder;
import io.sinkhole.ioc.IocSetBuilder.FeedOptions;
import io.sinkhole.metrics.SinkholeMetrics;
import io.sinkhole.source.FeedUpdate.Outcome;
import io.sinkhole.source.FeedUpdate.Result;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the published {@link IocSet} current: loads every feed at startup, then reloads on file
 * changes, on each URL feed's refresh interval, and on request (SIGHUP, {@code POST
 * /admin/reload}). Every reload runs on one thread, so reloads never overlap; each feed keeps its
 * last good contents, and a new set is built from all of them beside the old one and then published
 * in one reference write. The configuration itself is read once, at startup.
 */
public final class FeedReloader implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(FeedReloader.class);
  private static final long RETRY_SECONDS = 60;
  static final long FIRST_DOWNLOAD_WAIT_SECONDS = 15;
  private static final long RELOAD_TIMEOUT_SECONDS = 180;

  private final SinkholeConfig config;
  private final List<FeedState> feeds = new ArrayList<>();
  private final Consumer<IocSet> publish;
  private final FeedMetrics metrics;
  private final FileWatcher watcher = new FileWatcher();
  private final Set<FeedState> refreshFirst = new HashSet<>();
  private final ScheduledExecutorService executor =
      Executors.newSingleThreadScheduledExecutor(r -> thread(r, "sinkhole-feeds"));

  /**
   * Periodic URL downloads run here, not on {@link #executor}: a server that trickles its feed must
   * not hold back the file watcher or the rebuild of the other feeds.
   */
  private final ScheduledExecutorService downloads =
      Executors.newScheduledThreadPool(2, r -> thread(r, "sinkhole-feed-downloads"));

  private volatile IocSet current = IocSet.EMPTY;

  public FeedReloader(SinkholeConfig config, SinkholeMetrics metrics, Consumer<IocSet> publish) {
    this.config = config;
    this.publish = publish;
    List<FeedConfig> list = config.feeds();
    for (int i = 0; i < list.size(); i++) {
      FeedConfig feed = list.get(i);
      if (feed.action() != SinkholeConfig.Action.OFF) {
        feeds.add(new FeedState(i, feed, sourceOf(config, feed)));
      }
    }
    this.metrics = new FeedMetrics(metrics, feeds, () -> current);
  }

  static FeedSource sourceOf(SinkholeConfig config, FeedConfig feed) {
    if (feed.url() != null) {
      return new HttpFeedSource(feed, config.stateDir());
    }
    return new LocalFileSource(config.baseDir().resolve(feed.path()).normalize());
  }

  /**
   * Loads every feed and publishes the first set. A local feed that cannot be read is a
   * configuration error; a URL feed starts from its saved copy when there is one, otherwise it is
   * downloaded now, and if that fails it starts empty and is retried.
   */
  public void loadAtStartup() throws ConfigException {
    List<Outcome> outcomes = new ArrayList<>();
    for (FeedState s : feeds) {
      outcomes.add(startupLoad(s));
    }
    finish(outcomes, true);
  }

  private Outcome startupLoad(FeedState s) throws ConfigException {
    Path saved = s.source.savedCopy();
    if (saved != null) {
      Outcome o = FeedUpdate.fromSavedCopy(s, saved);
      if (o.result() == Result.OK) {
        refreshFirst.add(s);
        return o;
      }
    }
    Outcome o =
        s.source instanceof HttpFeedSource
            ? firstDownload(s)
            : FeedUpdate.run(s, false, System.currentTimeMillis());
    if (o.result() == Result.FAILED && s.source instanceof LocalFileSource) {
      String pointer = "/feeds/" + s.index + "/path";
      throw new ConfigException(
          String.format(
              "%s: line %d: field 'feeds[%d].path': %s",
              config.source(), config.lineOf(pointer), s.index, o.detail()));
    }
    if (o.result() == Result.FAILED) {
      refreshFirst.add(s);
    }
    return o;
  }

  /**
   * A URL feed with no saved copy is downloaded before the server answers, but only for {@link
   * #FIRST_DOWNLOAD_WAIT_SECONDS}: a slow or hostile feed server must not keep DNS and the health
   * endpoints down (a liveness probe would restart the process in a loop). A download still running
   * then finishes in the background and is published when it lands.
   */
  private Outcome firstDownload(FeedState s) {
    long start = System.nanoTime();
    Future<Outcome> f =
        downloads.submit(() -> FeedUpdate.runExclusive(s, false, System.currentTimeMillis()));
    try {
      Outcome o = f.get(firstDownloadWaitMillis(s), TimeUnit.MILLISECONDS);
      return o != null ? o : stillRunning(s, start);
    } catch (TimeoutException e) {
      downloads.execute(guarded(() -> publishWhenDone(f)));
      return stillRunning(s, start);
    } catch (ExecutionException e) {
      return new Outcome(s, Result.FAILED, "download", e.getCause().toString(), null, 0);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return stillRunning(s, start);
    }
  }

  /** Twice the feed's timeout, between 1 and {@link #FIRST_DOWNLOAD_WAIT_SECONDS} seconds. */
  static long firstDownloadWaitMillis(FeedState s) {
    long max = TimeUnit.SECONDS.toMillis(FIRST_DOWNLOAD_WAIT_SECONDS);
    return Math.max(1000, Math.min(max, 2L * s.feed.timeoutMs()));
  }

  private static Outcome stillRunning(FeedState s, long startNanos) {
    long millis = (System.nanoTime() - startNanos) / 1_000_000;
    String detail = "first download still running after " + millis + " ms; starting without it";
    return new Outcome(s, Result.FAILED, "timeout", detail, null, millis);
  }

  private void publishWhenDone(Future<Outcome> f) {
    try {
      Outcome o = f.get();
      if (o != null && !executor.isShutdown()) {
        executor.execute(guarded(() -> finish(List.of(o), false)));
      }
    } catch (ExecutionException e) {
      LOG.warn("first feed download failed: {}", e.getCause().toString());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** Starts the file watcher and the periodic refresh of URL feeds. */
  public void start() {
    long poll = FileWatcher.POLL_MILLIS;
    executor.scheduleWithFixedDelay(guarded(this::pollFiles), poll, poll, TimeUnit.MILLISECONDS);
    for (FeedState s : feeds) {
      if (s.source instanceof HttpFeedSource) {
        schedule(s, refreshFirst.contains(s) ? 0 : s.feed.refreshSeconds());
      }
    }
  }

  /** Reloads every feed now (URL feeds conditionally) and returns one line per feed. */
  public String reloadAll() throws InterruptedException, ExecutionException, TimeoutException {
    return executor.submit(this::reloadNow).get(RELOAD_TIMEOUT_SECONDS, TimeUnit.SECONDS);
  }

  /** Queues a reload of every feed and returns at once (for signal handlers). */
  public void reloadInBackground() {
    executor.execute(guarded(this::reloadNow));
  }

  /** The set published last. */
  public IocSet current() {
    return current;
  }

  private String reloadNow() {
    List<Outcome> outcomes = new ArrayList<>();
    for (FeedState s : feeds) {
      Outcome o = FeedUpdate.runExclusive(s, true, System.currentTimeMillis());
      if (o != null) {
        outcomes.add(o);
      }
    }
    finish(outcomes, false);
    StringBuilder text = new StringBuilder();
    outcomes.forEach(o -> text.append(FeedLog.describe(o)).append('\n'));
    return text.append(totals()).append('\n').toString();
  }

  private void pollFiles() {
    List<FeedState> changed = watcher.poll(feeds, System.currentTimeMillis());
    List<Outcome> outcomes = new ArrayList<>();
    for (FeedState s : changed) {
      outcomes.add(FeedUpdate.run(s, false, System.currentTimeMillis()));
    }
    if (!outcomes.isEmpty()) {
      finish(outcomes, false);
    }
  }

  /** On a download thread: fetch and parse, then publish on the reload thread. */
  private void refresh(FeedState s) {
    Outcome o = FeedUpdate.runExclusive(s, true, System.currentTimeMillis());
    if (o != null && !executor.isShutdown()) {
      executor.execute(guarded(() -> finish(List.of(o), false)));
    }
    long every = s.feed.refreshSeconds();
    boolean failed = o != null && o.result() == Result.FAILED;
    schedule(s, failed ? Math.min(every, RETRY_SECONDS) : every);
  }

  private void schedule(FeedState s, long delaySeconds) {
    if (!downloads.isShutdown()) {
      downloads.schedule(guarded(() -> refresh(s)), delaySeconds, TimeUnit.SECONDS);
    }
  }

  private void finish(List<Outcome> outcomes, boolean always) {
    for (Outcome o : outcomes) {
      FeedLog.log(o);
      metrics.outcome(o);
    }
    if (always || outcomes.stream().anyMatch(o -> o.result() == Result.OK)) {
      rebuild();
    }
  }

  private void rebuild() {
    long start = System.nanoTime();
    IocSetBuilder builder = new IocSetBuilder(expectedNames());
    for (FeedState s : feeds) {
      FeedContents good = s.good();
      if (good != null) {
        FeedOptions options =
            new FeedOptions(s.index, s.name(), s.feed.subdomains(), s.feed.urlHosts());
        builder.addFeed(options, good.entries());
      }
    }
    IocSet set = builder.build();
    current = set;
    publish.accept(set);
    LOG.info("published {}, built in {} ms", totals(), (System.nanoTime() - start) / 1_000_000);
  }

  /** Every feed's domain entries, duplicates included: an upper bound that sizes the index once. */
  private int expectedNames() {
    long sum = 0;
    for (FeedState s : feeds) {
      FeedContents good = s.good();
      sum += good == null ? 0 : good.entries().names();
    }
    return (int) Math.min(sum, 1 << 28);
  }

  private String totals() {
    IocSet set = current;
    return String.format(
        "%d distinct names and %d addresses/networks from %d feeds",
        set.domainCount(), set.addresses().size(), set.counts().size());
  }

  private static Runnable guarded(Runnable task) {
    return () -> {
      try {
        task.run();
      } catch (RuntimeException e) {
        // A scheduled task that throws is never run again; log and keep the schedule alive.
        LOG.error("feed reload failed unexpectedly", e);
      }
    };
  }

  private static Thread thread(Runnable r, String name) {
    Thread t = new Thread(r, name);
    t.setDaemon(true);
    return t;
  }

  @Override
  public void close() {
    downloads.shutdownNow();
    executor.shutdownNow();
  }
}

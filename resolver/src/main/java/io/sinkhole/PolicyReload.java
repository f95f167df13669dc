package io.sinkhole;

import io.sinkhole.config.ConfigException;
import io.sinkhole.config.FeedConfig;
import io.sinkhole.config.SinkholeConfig;
import io.sinkhole.policy.Policy;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What a reload takes from a re-read configuration file: the policy (allowlist, client rules,
 * groups, each feed's action and thresholds). The policy refers to feeds by position, so it is
 * swapped only when the feed list itself (names, sources, formats, scopes) is unchanged; a changed
 * feed list, listener or upstream needs a restart, and the running configuration is kept.
 */
public final class PolicyReload {
  private static final Logger LOG = LoggerFactory.getLogger(PolicyReload.class);

  /** Reads the configuration again, with the same file, overrides and environment. */
  public interface Source {
    SinkholeConfig load() throws ConfigException;
  }

  private final Source source;
  private final AtomicReference<Policy> policy;
  private SinkholeConfig running;

  PolicyReload(Source source, AtomicReference<Policy> policy, SinkholeConfig running) {
    this.source = source;
    this.policy = policy;
    this.running = running;
  }

  /** Re-reads the configuration and swaps the policy when it can; returns one summary line. */
  synchronized String reload() {
    SinkholeConfig next;
    try {
      next = source.load();
    } catch (ConfigException e) {
      LOG.warn("configuration not reloaded, the running one stays: {}", e.getMessage());
      return "configuration: not reloaded (" + e.getMessage() + "); the running one stays\n";
    }
    if (!sameFeedList(running.feeds(), next.feeds())) {
      LOG.warn("configuration: the feed list changed; restart to apply it");
      return "configuration: the feed list changed; restart to apply it\n";
    }
    try {
      policy.set(Policy.load(next));
    } catch (ConfigException e) {
      LOG.warn("policy not reloaded, the running one stays: {}", e.getMessage());
      return "configuration: policy not reloaded (" + e.getMessage() + ")\n";
    }
    running = next;
    LOG.info("policy reloaded: allowlist, client rules, groups and feed thresholds");
    return "configuration: policy reloaded (allowlist, client rules, groups, feed thresholds)\n";
  }

  /** The parts of each feed that shape the indicator set, in order. */
  static boolean sameFeedList(List<FeedConfig> a, List<FeedConfig> b) {
    if (a.size() != b.size()) {
      return false;
    }
    for (int i = 0; i < a.size(); i++) {
      FeedConfig x = a.get(i);
      FeedConfig y = b.get(i);
      boolean same =
          x.name().equals(y.name())
              && Objects.equals(x.path(), y.path())
              && Objects.equals(x.url(), y.url())
              && x.format().equals(y.format())
              && x.subdomains().equals(y.subdomains())
              && x.urlHosts().equals(y.urlHosts())
              && (x.action() == SinkholeConfig.Action.OFF)
                  == (y.action() == SinkholeConfig.Action.OFF);
      if (!same) {
        return false;
      }
    }
    return true;
  }
}

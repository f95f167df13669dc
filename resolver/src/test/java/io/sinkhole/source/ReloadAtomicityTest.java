package io.sinkhole.source;

import static org.assertj.core.api.Assertions.assertThat;

import io.sinkhole.testing.DnsProbe;
import io.sinkhole.testing.RunningSinkhole;
import io.sinkhole.testing.UnboundUpstream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Type;

/** No query sees a half-loaded set while feeds are reloaded over and over (issue #3). */
class ReloadAtomicityTest {
  private static final int RELOADS = 10;

  @Test
  void queriesDuringRepeatedReloads_alwaysGetTheSameAnswers() throws Exception {
    String bulk =
        IntStream.range(0, 5_000)
            .mapToObj(i -> "n" + i + ".example\n")
            .collect(Collectors.joining());
    try (UnboundUpstream unbound = UnboundUpstream.start();
        RunningSinkhole s =
            RunningSinkhole.start(
                unbound.hostPort(),
                "feeds:\n"
                    + "  - {name: bulk, path: bulk.txt, format: domains}\n"
                    + "  - {name: moving, path: moving.txt, format: domains}\n",
                "bulk.txt",
                bulk + "stable.example\n",
                "moving.txt",
                "always.example\nx0.example\n")) {
      AtomicInteger rounds = new AtomicInteger();
      CompletableFuture<Void> reloads =
          CompletableFuture.runAsync(() -> reload(s, RELOADS, rounds));
      List<String> wrong = new ArrayList<>();
      int queries = 0;
      DnsProbe probe = s.probe();
      while (!reloads.isDone()) {
        expect(probe, "stable.example", Rcode.NXDOMAIN, wrong);
        expect(probe, "always.example", Rcode.NXDOMAIN, wrong);
        expect(probe, "n4999.example", Rcode.NXDOMAIN, wrong);
        expect(probe, "www." + UnboundUpstream.ZONE, Rcode.NOERROR, wrong);
        queries += 4;
        rounds.incrementAndGet();
      }
      reloads.join();

      assertThat(wrong).isEmpty();
      assertThat(queries).isGreaterThan(RELOADS);
      assertThat(s.metric("sinkhole_feed_reloads_total{feed=\"moving\",result=\"ok\"}"))
          .isGreaterThanOrEqualTo(RELOADS + 1.0);
    }
  }

  /**
   * Each reload waits for a round of queries after the previous one: a reload of these small feeds
   * can take less time than one round, and reloads that all finish before the queries run would
   * test nothing.
   */
  private static void reload(RunningSinkhole s, int times, AtomicInteger rounds) {
    try {
      Path moving = s.dir().resolve("moving.txt");
      for (int i = 1; i <= times; i++) {
        for (int seen = rounds.get(); rounds.get() == seen; ) {
          Thread.sleep(1);
        }
        Files.writeString(moving, "always.example\nx" + i + ".example\n");
        s.sinkhole().reload();
      }
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private static void expect(DnsProbe probe, String name, int rcode, List<String> wrong)
      throws Exception {
    int got = probe.query(name, Type.A).getRcode();
    if (got != rcode) {
      wrong.add(name + " got " + Rcode.string(got));
    }
  }
}

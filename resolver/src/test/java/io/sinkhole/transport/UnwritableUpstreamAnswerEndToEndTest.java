package io.sinkhole.transport;

import static org.assertj.core.api.Assertions.assertThat;

import io.sinkhole.testing.Dig;
import io.sinkhole.testing.Packets;
import io.sinkhole.testing.RunningSinkhole;
import io.sinkhole.testing.ScriptedUpstream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A signed upstream answer that dnsjava reads but cannot write back (a WKS record without a port
 * bitmap), for clients without DO: stripping the signature fails, so the client gets SERVFAIL, on
 * the first query and on the cache hit after it, instead of no answer at all (found in review).
 */
class UnwritableUpstreamAnswerEndToEndTest {
  static ScriptedUpstream upstream;
  static RunningSinkhole sinkhole;

  @BeforeAll
  static void start() throws Exception {
    upstream =
        ScriptedUpstream.start(
            (q, r) -> {
              String[] labels = q.getQuestion().getName().toString(true).split("\\.");
              r.send(Packets.answerDnsjavaCannotWrite(q.getHeader().getID(), labels));
            });
    sinkhole = RunningSinkhole.start(upstream.hostPort(), "");
  }

  @AfterAll
  static void stop() {
    sinkhole.close();
    upstream.close();
  }

  @Test
  void clientWithoutDo_getsServfail_fromUpstreamAndFromCache() throws Exception {
    Dig.Result first = Dig.dig(sinkhole.dns(), "+nodnssec", "wks.example", "WKS");
    Dig.Result again = Dig.dig(sinkhole.dns(), "+nodnssec", "wks.example", "WKS");

    assertThat(first.status()).isEqualTo("SERVFAIL");
    assertThat(again.status()).isEqualTo("SERVFAIL");
    assertThat(sinkhole.awaitEvents(2))
        .filteredOn(e -> e.path("Name").asText().equals("wks.example"))
        .hasSize(2);
  }
}

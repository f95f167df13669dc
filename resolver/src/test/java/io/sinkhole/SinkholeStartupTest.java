package io.sinkhole;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sinkhole.config.ConfigLoader;
import io.sinkhole.config.Overrides;
import io.sinkhole.testing.UnboundUpstream;
import java.io.IOException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SinkholeStartupTest {
  @TempDir Path dir;

  @Test
  void listenAddressInUse_failsNamingTheAddress() throws Exception {
    int port = UnboundUpstream.freePort();
    Path conf = dir.resolve("sinkhole.yaml");
    Files.writeString(
        conf,
        "listen: [\"127.0.0.1:"
            + port
            + "\"]\nupstreams: [\"127.0.0.1:9\"]\n"
            + "metrics:\n  listen: \"127.0.0.1:0\"\nhealth:\n  probe_interval_ms: 0\n"
            + "events:\n  file: \""
            + dir.resolve("events.jsonl")
            + "\"\n"
            + "state_dir: \""
            + dir.resolve("state")
            + "\"\n");
    try (DatagramSocket taken =
        new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), port))) {
      assertThatThrownBy(() -> Sinkhole.start(ConfigLoader.load(conf, Overrides.NONE)))
          .isInstanceOf(IOException.class)
          .hasMessageContaining("cannot listen on 127.0.0.1:" + taken.getLocalPort())
          .hasMessageContaining("in use");
    }
  }
}

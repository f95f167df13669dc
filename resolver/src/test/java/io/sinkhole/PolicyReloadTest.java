package io.sinkhole;

import static org.assertj.core.api.Assertions.assertThat;

import io.sinkhole.config.ConfigLoader;
import io.sinkhole.config.Overrides;
import io.sinkhole.testing.RunningSinkhole;
import io.sinkhole.testing.UnboundUpstream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Type;

/** A reload re-reads the configuration file and applies its policy without a restart. */
class PolicyReloadTest {
  private static final String FEED =
      "feeds:\n  - name: local\n    path: list.txt\n    format: domains\n";

  @Test
  void reload_appliesANewAllowlistEntry_andRefusesAChangedFeedList() throws Exception {
    try (UnboundUpstream unbound =
            UnboundUpstream.start(List.of("watch.zone.example. 300 IN A 192.0.2.99"));
        RunningSinkhole s =
            RunningSinkhole.start(unbound.hostPort(), FEED, "list.txt", "watch.zone.example\n")) {
      Path conf = s.dir().resolve("sinkhole.yaml");
      s.sinkhole().reloadConfigurationFrom(() -> ConfigLoader.load(conf, Overrides.NONE));
      assertThat(s.probe().query("watch.zone.example", Type.A).getRcode())
          .isEqualTo(Rcode.NXDOMAIN);

      Files.writeString(
          conf, Files.readString(conf) + "allowlist:\n  names: [\"watch.zone.example\"]\n");
      String applied = s.post("/admin/reload");

      assertThat(applied).contains("configuration: policy reloaded");
      assertThat(s.probe().query("watch.zone.example", Type.A).getRcode()).isEqualTo(Rcode.NOERROR);

      Files.writeString(conf, Files.readString(conf).replace("name: local", "name: renamed"));
      assertThat(s.post("/admin/reload")).contains("the feed list changed; restart");
      assertThat(s.probe().query("watch.zone.example", Type.A).getRcode()).isEqualTo(Rcode.NOERROR);
    }
  }
}
